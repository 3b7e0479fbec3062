package dev.cleave.payment.api;

import dev.cleave.kernel.DomainException;
import java.time.Duration;

/**
 * The first authorization under this key has no outcome yet: ask again shortly (409, Retry-After).
 */
public class PaymentInProgressException extends DomainException {

  public PaymentInProgressException(String paymentKey) {
    super(
        Kind.CONFLICT,
        "payment-in-progress",
        "Payment in progress",
        "The payment with key "
            + paymentKey
            + " is being processed; repeat the request to get its outcome.",
        Duration.ofSeconds(1));
  }

  /** The exception a remote caller rebuilds from this problem's {@code detail}, kept verbatim. */
  public static PaymentInProgressException fromProblem(String detail) {
    return new PaymentInProgressException(detail, true);
  }

  @SuppressWarnings(
      "UnusedVariable") // the flag only sets this constructor apart from the public one
  private PaymentInProgressException(String detail, boolean fromProblem) {
    super(
        Kind.CONFLICT, "payment-in-progress", "Payment in progress", detail, Duration.ofSeconds(1));
  }
}
