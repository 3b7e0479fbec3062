package dev.cleave.payment.internal.application;

import dev.cleave.payment.api.AuthorizationRequest;
import dev.cleave.payment.api.IdempotencyKeyReusedException;
import dev.cleave.payment.api.PaymentDetails;
import dev.cleave.payment.api.PaymentFailure;
import dev.cleave.payment.api.PaymentInProgressException;
import dev.cleave.payment.api.PaymentNotFoundException;
import dev.cleave.payment.api.PaymentStatus;
import dev.cleave.payment.internal.domain.Payment;
import dev.cleave.payment.internal.domain.PaymentRepository;
import dev.cleave.payment.internal.domain.RequestFingerprint;
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
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class PaymentRecords {

  @Inject
  PaymentRepository payments;

  @Inject
  CardProcessor processor;

  @Inject
  PaymentMetrics metrics;

  @Inject
  Clock clock;

  /**
   * Starts an authorization: records the payment as {@code PROCESSING}, or finds the recorded one.
   *
   * @return empty when the caller must now ask the processor; otherwise the recorded payment (a replay)
   * @throws IdempotencyKeyReusedException when the key was used for another request
   * @throws PaymentInProgressException when the first authorization under the key has no outcome yet
   */
  public Optional<PaymentDetails> begin(String paymentKey, AuthorizationRequest request) {
    String fingerprint = RequestFingerprint.of(request);
    Optional<Payment> existing = payments.find(paymentKey);
    if (existing.isEmpty()) {
      Payment payment = new Payment(paymentKey, request.customerId(), request.amount(), request.card().brand(),
          request.card().last4(), fingerprint, clock);
      if (payments.add(payment)) {
        return Optional.empty();
      }
      // A concurrent first request under the same key committed first: it is with the processor now.
      throw new PaymentInProgressException(paymentKey);
    }
    Payment payment = existing.get();
    if (!payment.requestFingerprint().equals(fingerprint)) {
      throw new IdempotencyKeyReusedException("The key " + paymentKey
          + " was used for a different payment request; use a new key for a new payment.");
    }
    if (payment.status() == PaymentStatus.PROCESSING) {
      throw new PaymentInProgressException(paymentKey);
    }
    return Optional.of(details(payment));
  }

  /** Records the processor's answer to a payment's authorization (a later, repeated answer changes nothing). */
  public PaymentDetails answered(String paymentKey, Outcome outcome) {
    Payment payment = locked(paymentKey);
    boolean changed = switch (outcome) {
      case APPROVED -> payment.authorized(paymentKey, clock);
      case CARD_DECLINED -> payment.unsuccessful(PaymentFailure.CARD_DECLINED, paymentKey, clock);
      case INSUFFICIENT_FUNDS -> payment.unsuccessful(PaymentFailure.INSUFFICIENT_FUNDS, paymentKey, clock);
      case PROCESSOR_ERROR -> payment.unsuccessful(PaymentFailure.PROCESSOR_ERROR, paymentKey, clock);
    };
    if (changed) {
      metrics.outcome(payment);
    }
    return details(payment);
  }

  /**
   * Settles a payment left {@code PROCESSING} (its answer was lost): from the processor's records, or
   * as {@code FAILED} / {@code PROCESSOR_UNREACHABLE} when the processor never answered.
   *
   * @return true when it settled the payment
   */
  public boolean settleStale(String paymentKey, Instant before) {
    Payment payment = locked(paymentKey);
    if (payment.status() != PaymentStatus.PROCESSING || !payment.updatedAt().isBefore(before)) {
      return false;
    }
    Optional<Outcome> answer = processor.lookup(paymentKey);
    if (answer.isPresent()) {
      answered(paymentKey, answer.get());
    } else if (payment.unsuccessful(PaymentFailure.PROCESSOR_UNREACHABLE, null, clock)) {
      metrics.outcome(payment);
    }
    return true;
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
    return details(payment);
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
    return details(payment);
  }

  public PaymentDetails refund(String paymentKey) {
    Payment payment = locked(paymentKey);
    if (payment.status() == PaymentStatus.CAPTURED) {
      processor.refund(payment.processorReference());
    }
    if (payment.refund(clock)) {
      metrics.outcome(payment);
    }
    return details(payment);
  }

  @Transactional(TxType.REQUIRED)
  public PaymentDetails find(String paymentKey) {
    return payments.find(paymentKey).map(PaymentRecords::details)
        .orElseThrow(() -> new PaymentNotFoundException(paymentKey));
  }

  @Transactional(TxType.REQUIRED)
  public List<String> processingSince(Instant before, int limit) {
    return payments.processingSince(before, limit);
  }

  private Payment locked(String paymentKey) {
    return payments.lock(paymentKey).orElseThrow(() -> new PaymentNotFoundException(paymentKey));
  }

  static PaymentDetails details(Payment payment) {
    return new PaymentDetails(payment.paymentKey(), payment.customerId(), payment.status(), payment.amount(),
        payment.cardBrand(), payment.cardLast4(), payment.failure(), payment.createdAt(), payment.updatedAt());
  }
}
