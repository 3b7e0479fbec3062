package dev.cleave.payment.api;

import dev.cleave.kernel.DomainException;
import java.time.Duration;

/** The first authorization under this key has no outcome yet: ask again shortly (409, Retry-After). */
public class PaymentInProgressException extends DomainException {

  public PaymentInProgressException(String paymentKey) {
    super(Kind.CONFLICT, "payment-in-progress", "Payment in progress",
        "The payment with key " + paymentKey + " is being processed; repeat the request to get its outcome.",
        Duration.ofSeconds(1));
  }
}
