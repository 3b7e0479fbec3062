package dev.cleave.payment.api;

import dev.cleave.kernel.DomainException;

public class PaymentStateException extends DomainException {

  public PaymentStateException(String detail) {
    super(Kind.CONFLICT, "payment-state-conflict", "Payment in the wrong state", detail);
  }
}
