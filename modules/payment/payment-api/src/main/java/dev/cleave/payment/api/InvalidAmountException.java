package dev.cleave.payment.api;

import dev.cleave.kernel.DomainException;

public class InvalidAmountException extends DomainException {

  public InvalidAmountException(String detail) {
    super(Kind.UNPROCESSABLE, "invalid-amount", "Invalid amount", detail);
  }
}
