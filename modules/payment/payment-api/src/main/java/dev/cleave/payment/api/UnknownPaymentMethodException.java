package dev.cleave.payment.api;

import dev.cleave.kernel.DomainException;

/**
 * An authorization named a payment method that does not exist or is another customer's (the two
 * look alike).
 */
public class UnknownPaymentMethodException extends DomainException {

  public UnknownPaymentMethodException(String detail) {
    super(Kind.UNPROCESSABLE, "unknown-payment-method", "Unknown payment method", detail);
  }
}
