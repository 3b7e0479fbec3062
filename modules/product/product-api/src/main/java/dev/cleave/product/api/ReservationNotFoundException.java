package dev.cleave.product.api;

import dev.cleave.kernel.DomainException;

/** The order has no stock reservation. */
public class ReservationNotFoundException extends DomainException {

  public ReservationNotFoundException(String orderId) {
    super(Kind.NOT_FOUND, "reservation-not-found", "Reservation not found",
        "Order " + orderId + " has no stock reservation.");
  }
}
