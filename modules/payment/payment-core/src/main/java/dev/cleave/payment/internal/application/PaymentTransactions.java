package dev.cleave.payment.internal.application;

import dev.cleave.kernel.Money;
import dev.cleave.payment.api.AuthorizationRequest;
import dev.cleave.payment.api.IdempotencyKeyReusedException;
import dev.cleave.payment.api.PaymentDetails;
import dev.cleave.payment.api.PaymentFailure;
import dev.cleave.payment.api.PaymentInProgressException;
import dev.cleave.payment.api.PaymentMethod;
import dev.cleave.payment.api.PaymentMethodRequest;
import dev.cleave.payment.api.PaymentNotFoundException;
import dev.cleave.payment.api.PaymentStatus;
import dev.cleave.payment.api.UnknownPaymentMethodException;
import dev.cleave.payment.internal.domain.Payment;
import dev.cleave.payment.internal.domain.PaymentMethodRepository;
import dev.cleave.payment.internal.domain.PaymentRepository;
import dev.cleave.payment.internal.domain.RequestFingerprint;
import dev.cleave.payment.internal.domain.StoredPaymentMethod;
import dev.cleave.payment.internal.processor.CardProcessor;
import dev.cleave.payment.internal.processor.CardProcessor.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The payment module's transactions, each one short and committed on return ({@code REQUIRES_NEW}),
 * so that a payment is {@code PROCESSING} in the database before the processor hears of it and its
 * outcome is recorded as soon as the processor answers. Capture, void and refund lock the payment
 * row, then ask the processor, then record: two concurrent captures serialize on the lock and the
 * second finds the payment captured.
 *
 * <p>Why the two kinds of call to the processor differ. An authorization may take seconds (the slow
 * test card; a real issuer's checks) and its caller's timeout leaves it to finish on its own, so it
 * holds no lock and no transaction while the processor works: its {@code PROCESSING} row, committed
 * first, is its claim, and recovery settles it from the processor's records. Capture, void and
 * refund are bookkeeping on an authorization the processor already holds, short and idempotent by
 * the payment's reference. Holding the row lock across them means a capture and a concurrent void
 * of one payment cannot both reach the processor and the row can never disagree with it about which
 * one won. A claim state ({@code CAPTURING}, like {@code PROCESSING}) would release the lock during
 * the call at the price of one more transaction per step and one more state for recovery; the lock
 * costs only that a slow processor keeps this one payment's row locked for the call's duration, and
 * nothing but the same payment's other steps ever waits for it.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class PaymentTransactions {

  /** What {@link #settleStale} did with a payment. */
  public enum Settlement {
    /** Not processing any more, or not for long enough: left alone. */
    NOT_STALE,
    /** Its outcome is recorded now. */
    SETTLED,
    /**
     * The processor never answered it and it names a payment method: send it again ({@link
     * #unanswered}).
     */
    UNANSWERED
  }

  /**
   * An authorization the processor never answered, as it must be sent again (same reference, same
   * card).
   */
  public record Unanswered(String paymentKey, String paymentMethod, Money amount) {}

  @Inject PaymentRepository payments;

  @Inject PaymentMethodRepository methods;

  @Inject CardProcessor processor;

  @Inject PaymentMetrics metrics;

  @Inject Clock clock;

  /**
   * Registers a card as a payment method under a key: the processor keeps the card and issues the
   * token. A repeat with the same request returns the method registered first.
   *
   * @throws IdempotencyKeyReusedException when the key was used for another customer or card
   */
  public PaymentMethod register(String methodKey, PaymentMethodRequest request) {
    String fingerprint = RequestFingerprint.of(request);
    Optional<StoredPaymentMethod> existing = methods.byKey(methodKey);
    if (existing.isEmpty()) {
      StoredPaymentMethod method =
          new StoredPaymentMethod(
              methodKey,
              processor.tokenize(request.card()),
              request.customerId(),
              request.card().brand(),
              request.card().last4(),
              request.card().expiryMonth(),
              request.card().expiryYear(),
              fingerprint,
              clock.instant());
      if (methods.add(method)) {
        return method.toApi();
      }
      // A concurrent registration under the same key committed first (its token wins; ours is never
      // used).
      existing = methods.byKey(methodKey);
    }
    StoredPaymentMethod method = existing.orElseThrow();
    if (!method.requestFingerprint().equals(fingerprint)) {
      throw new IdempotencyKeyReusedException(
          "The key "
              + methodKey
              + " was used for a different card or customer; use a new key for a new payment"
              + " method.");
    }
    return method.toApi();
  }

  /**
   * The customer's payment method with this token.
   *
   * @throws UnknownPaymentMethodException when no method has the token, or it is another customer's
   */
  @Transactional(TxType.REQUIRED)
  public StoredPaymentMethod method(String token, String customerId) {
    return methods
        .byToken(token)
        .filter(method -> method.customerId().equals(customerId))
        .orElseThrow(
            () ->
                new UnknownPaymentMethodException(
                    "The customer has no payment method with this token; register the card"
                        + " first."));
  }

  /**
   * Starts an authorization: records the payment as {@code PROCESSING}, or finds the recorded one.
   *
   * @param method the request's payment method, the customer's ({@link #method})
   * @return empty when the caller must now ask the processor; otherwise the recorded payment (a
   *     replay)
   * @throws IdempotencyKeyReusedException when the key was used for another request
   * @throws PaymentInProgressException when the first authorization under the key has no outcome
   *     yet
   * @throws dev.cleave.payment.api.CardExpiredException when there is no payment yet and the card
   *     has expired (a replay answers what was recorded, even after the card expired)
   */
  public Optional<PaymentDetails> begin(
      String paymentKey, AuthorizationRequest request, StoredPaymentMethod method) {
    String fingerprint = RequestFingerprint.of(request);
    Optional<Payment> existing = payments.find(paymentKey);
    if (existing.isEmpty()) {
      DefaultPayments.requireUnexpired(method.expiry(), clock);
      Payment payment =
          new Payment(
              paymentKey,
              request.customerId(),
              request.amount(),
              method.token(),
              method.cardBrand(),
              method.cardLast4(),
              fingerprint,
              clock);
      if (payments.add(payment)) {
        return Optional.empty();
      }
      // A concurrent first request under the same key committed first: it is with the processor
      // now.
      throw new PaymentInProgressException(paymentKey);
    }
    Payment payment = existing.get();
    if (!payment.requestFingerprint().equals(fingerprint)) {
      throw new IdempotencyKeyReusedException(
          "The key "
              + paymentKey
              + " was used for a different payment request; use a new key for a new payment.");
    }
    if (payment.status() == PaymentStatus.PROCESSING) {
      throw new PaymentInProgressException(paymentKey);
    }
    return Optional.of(PaymentMapping.details(payment));
  }

  /**
   * Records the processor's answer to a payment's authorization (a later, repeated answer changes
   * nothing).
   */
  public PaymentDetails answered(String paymentKey, Outcome outcome) {
    Payment payment = locked(paymentKey);
    boolean changed =
        switch (outcome) {
          case APPROVED -> payment.authorized(paymentKey, clock);
          case CARD_DECLINED ->
              payment.unsuccessful(PaymentFailure.CARD_DECLINED, paymentKey, clock);
          case INSUFFICIENT_FUNDS ->
              payment.unsuccessful(PaymentFailure.INSUFFICIENT_FUNDS, paymentKey, clock);
          case PROCESSOR_ERROR ->
              payment.unsuccessful(PaymentFailure.PROCESSOR_ERROR, paymentKey, clock);
        };
    if (changed) {
      metrics.outcome(payment);
    }
    return PaymentMapping.details(payment);
  }

  /**
   * Settles a payment left {@code PROCESSING} (its answer was lost) from the processor's records.
   * When the processor never answered, a payment that names a payment method is {@link
   * Settlement#UNANSWERED} (the caller sends it again); one made before payment methods existed is
   * {@code FAILED} / {@code PROCESSOR_UNREACHABLE}.
   */
  public Settlement settleStale(String paymentKey, Instant before) {
    Payment payment = locked(paymentKey);
    if (payment.status() != PaymentStatus.PROCESSING || !payment.updatedAt().isBefore(before)) {
      return Settlement.NOT_STALE;
    }
    Optional<Outcome> answer = processor.lookup(paymentKey);
    if (answer.isPresent()) {
      answered(paymentKey, answer.get());
      return Settlement.SETTLED;
    }
    if (payment.paymentMethod() != null) {
      return Settlement.UNANSWERED;
    }
    if (payment.unsuccessful(PaymentFailure.PROCESSOR_UNREACHABLE, null, clock)) {
      metrics.outcome(payment);
    }
    return Settlement.SETTLED;
  }

  /**
   * The payment, when it is still processing and names a payment method: what to send the processor
   * again.
   */
  @Transactional(TxType.REQUIRED)
  public Optional<Unanswered> unanswered(String paymentKey) {
    return payments
        .find(paymentKey)
        .filter(
            payment ->
                payment.status() == PaymentStatus.PROCESSING && payment.paymentMethod() != null)
        .map(payment -> new Unanswered(paymentKey, payment.paymentMethod(), payment.amount()));
  }

  public PaymentDetails capture(String paymentKey) {
    Payment payment = locked(paymentKey);
    if (payment.status() == PaymentStatus.PROCESSING) {
      throw new PaymentInProgressException(paymentKey);
    }
    if (payment.status() == PaymentStatus.AUTHORIZED) {
      processor.capture(payment.processorReference());
    }
    if (payment.capture(clock)) {
      metrics.outcome(payment);
    }
    return PaymentMapping.details(payment);
  }

  public PaymentDetails voidAuthorization(String paymentKey) {
    Payment payment = locked(paymentKey);
    if (payment.status() == PaymentStatus.PROCESSING) {
      throw new PaymentInProgressException(paymentKey);
    }
    if (payment.status() == PaymentStatus.AUTHORIZED) {
      processor.voidAuthorization(payment.processorReference());
    }
    if (payment.voidAuthorization(clock)) {
      metrics.outcome(payment);
    }
    return PaymentMapping.details(payment);
  }

  public PaymentDetails refund(String paymentKey) {
    Payment payment = locked(paymentKey);
    if (payment.status() == PaymentStatus.CAPTURED) {
      processor.refund(payment.processorReference());
    }
    if (payment.refund(clock)) {
      metrics.outcome(payment);
    }
    return PaymentMapping.details(payment);
  }

  @Transactional(TxType.REQUIRED)
  public PaymentDetails find(String paymentKey) {
    return payments
        .find(paymentKey)
        .map(PaymentMapping::details)
        .orElseThrow(() -> new PaymentNotFoundException(paymentKey));
  }

  @Transactional(TxType.REQUIRED)
  public List<String> processingSince(Instant before, int limit) {
    return payments.processingSince(before, limit);
  }

  private Payment locked(String paymentKey) {
    return payments.lock(paymentKey).orElseThrow(() -> new PaymentNotFoundException(paymentKey));
  }
}
