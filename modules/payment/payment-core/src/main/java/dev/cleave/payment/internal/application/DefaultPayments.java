package dev.cleave.payment.internal.application;

import dev.cleave.payment.api.AuthorizationRequest;
import dev.cleave.payment.api.CardExpiredException;
import dev.cleave.payment.api.InvalidAmountException;
import dev.cleave.payment.api.PaymentDetails;
import dev.cleave.payment.api.PaymentInProgressException;
import dev.cleave.payment.api.PaymentMethod;
import dev.cleave.payment.api.PaymentMethodRequest;
import dev.cleave.payment.api.Payments;
import dev.cleave.payment.internal.domain.StoredPaymentMethod;
import dev.cleave.payment.internal.processor.CardProcessor;
import dev.cleave.platform.validation.ValidatedContract;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The in-process binding of {@link Payments}. An authorization is three steps: record the payment
 * as {@code PROCESSING} (committed), ask the processor on a processor thread ({@link
 * ProcessorThreads}), record its answer (committed). The caller waits for the answer; when the
 * caller gives up (a fault-tolerance timeout interrupts it), the processor call still finishes and
 * records its answer, exactly as it would if the module were remote, so a later {@link #find} or
 * repeated {@link #authorize} sees the outcome and nothing is ever sent to the processor twice.
 */
@ApplicationScoped
@ValidatedContract
public class DefaultPayments implements Payments {

  @Inject PaymentTransactions transactions;

  @Inject CardProcessor processor;

  @Inject Clock clock;

  @Inject ProcessorThreads processorThreads;

  @Override
  public PaymentMethod register(String methodKey, PaymentMethodRequest request) {
    requireUnexpired(
        YearMonth.of(request.card().expiryYear(), request.card().expiryMonth()), clock);
    return transactions.register(methodKey, request);
  }

  @Override
  public PaymentDetails authorize(String paymentKey, AuthorizationRequest request) {
    if (request.amount().amount().compareTo(BigDecimal.ZERO) <= 0) {
      throw new InvalidAmountException(
          "The amount must be positive, was " + request.amount() + ".");
    }
    StoredPaymentMethod method = transactions.method(request.paymentMethod(), request.customerId());
    Optional<PaymentDetails> recorded = transactions.begin(paymentKey, request, method);
    if (recorded.isPresent()) {
      return recorded.get();
    }
    Future<PaymentDetails> answer =
        processorThreads.submit(
            () ->
                transactions.answered(
                    paymentKey, processor.authorize(paymentKey, method.token(), request.amount())));
    try {
      return answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PaymentInProgressException(paymentKey);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(
          "Authorization of payment " + paymentKey + " failed", e.getCause());
    }
  }

  static void requireUnexpired(YearMonth expiry, Clock clock) {
    if (expiry.isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
      throw new CardExpiredException("The card expired at the end of " + expiry + ".");
    }
  }

  @Override
  public PaymentDetails capture(String paymentKey) {
    return transactions.capture(paymentKey);
  }

  @Override
  public PaymentDetails voidAuthorization(String paymentKey) {
    return transactions.voidAuthorization(paymentKey);
  }

  @Override
  public PaymentDetails refund(String paymentKey) {
    return transactions.refund(paymentKey);
  }

  @Override
  public PaymentDetails find(String paymentKey) {
    return transactions.find(paymentKey);
  }
}
