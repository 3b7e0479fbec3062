package dev.cleave.payment.api;

import dev.cleave.kernel.DomainException;

public class CardExpiredException extends DomainException {

  public CardExpiredException(String detail) {
    super(Kind.UNPROCESSABLE, "card-expired", "Card expired", detail);
  }
}
