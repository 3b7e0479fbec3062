package dev.cleave.payment.api;

import dev.cleave.kernel.DomainException;

public class PaymentNotFoundException extends DomainException {

  public PaymentNotFoundException(String paymentKey) {
    super(
        Kind.NOT_FOUND,
        "payment-not-found",
        "Payment not found",
        "No payment has key " + paymentKey + ".");
  }

  /** The exception a remote caller rebuilds from this problem's {@code detail}, kept verbatim. */
  public static PaymentNotFoundException fromProblem(String detail) {
    return new PaymentNotFoundException(detail, true);
  }

  @SuppressWarnings(
      "UnusedVariable") // the flag only sets this constructor apart from the public one
  private PaymentNotFoundException(String detail, boolean fromProblem) {
    super(Kind.NOT_FOUND, "payment-not-found", "Payment not found", detail);
  }
}
