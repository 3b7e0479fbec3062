package dev.cleave.product.api;

import dev.cleave.kernel.DomainException;

/** The order has no stock reservation. */
public class ReservationNotFoundException extends DomainException {

  public ReservationNotFoundException(String orderId) {
    super(
        Kind.NOT_FOUND,
        "reservation-not-found",
        "Reservation not found",
        "Order " + orderId + " has no stock reservation.");
  }

  /** The exception a remote caller rebuilds from this problem's {@code detail}, kept verbatim. */
  public static ReservationNotFoundException fromProblem(String detail) {
    return new ReservationNotFoundException(detail, true);
  }

  @SuppressWarnings(
      "UnusedVariable") // the flag only sets this constructor apart from the public one
  private ReservationNotFoundException(String detail, boolean fromProblem) {
    super(Kind.NOT_FOUND, "reservation-not-found", "Reservation not found", detail);
  }
}
