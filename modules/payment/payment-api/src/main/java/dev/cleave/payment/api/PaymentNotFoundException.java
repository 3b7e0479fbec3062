package dev.cleave.payment.api;

import dev.cleave.kernel.DomainException;

public class PaymentNotFoundException extends DomainException {

  public PaymentNotFoundException(String paymentKey) {
    super(Kind.NOT_FOUND, "payment-not-found", "Payment not found", "No payment has key " + paymentKey + ".");
  }
}
