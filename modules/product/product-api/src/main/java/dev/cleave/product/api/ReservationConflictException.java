package dev.cleave.product.api;

import dev.cleave.kernel.DomainException;

/** The request does not fit the reservation's state or its recorded lines. */
public class ReservationConflictException extends DomainException {

  public ReservationConflictException(String detail) {
    super(Kind.CONFLICT, "reservation-conflict", "Reservation conflict", detail);
  }
}
