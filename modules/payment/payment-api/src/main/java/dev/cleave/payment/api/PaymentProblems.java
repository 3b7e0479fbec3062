package dev.cleave.payment.api;

import dev.cleave.kernel.DomainException;
import java.util.Map;
import java.util.function.Function;

/**
 * The payment module's problem types and how a remote caller rebuilds each as the exception the
 * in-process binding throws (from the problem's {@code detail}). Every {@link DomainException} of
 * this package is listed; an architecture test holds that.
 */
public final class PaymentProblems {

  public static final Map<String, Function<String, DomainException>> TYPES =
      Map.of(
          "payment-not-found", PaymentNotFoundException::fromProblem,
          "payment-in-progress", PaymentInProgressException::fromProblem,
          "payment-state-conflict", PaymentStateException::new,
          "idempotency-key-reused", IdempotencyKeyReusedException::new,
          "card-expired", CardExpiredException::new,
          "invalid-amount", InvalidAmountException::new,
          "unknown-payment-method", UnknownPaymentMethodException::new);

  private PaymentProblems() {}
}
