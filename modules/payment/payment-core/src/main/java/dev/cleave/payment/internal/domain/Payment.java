package dev.cleave.payment.internal.domain;

import dev.cleave.kernel.Money;
import dev.cleave.payment.api.CardBrand;
import dev.cleave.payment.api.PaymentFailure;
import dev.cleave.payment.api.PaymentStateException;
import dev.cleave.payment.api.PaymentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One card payment and its state machine:
 *
 * <pre>
 * PROCESSING ─┬─► AUTHORIZED ─┬─► CAPTURED ──► REFUNDED
 *             │               └─► VOIDED
 *             ├─► DECLINED
 *             └─► FAILED
 * </pre>
 *
 * Each transition method returns false when the payment is already where the call would take it
 * (the call is a repeat) and throws {@link PaymentStateException} when the transition is
 * impossible.
 */
@Entity
@Table(name = "payments")
public class Payment {

  @Id
  @Column(name = "payment_key", length = 64)
  private String paymentKey;

  @Column(name = "customer_id", nullable = false, length = 64, updatable = false)
  private String customerId;

  @Column(nullable = false, precision = 12, scale = 2, updatable = false)
  private BigDecimal amount;

  @Column(nullable = false, length = 3, columnDefinition = "bpchar(3)", updatable = false)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(name = "card_brand", nullable = false, length = 16, updatable = false)
  private CardBrand cardBrand;

  @Column(name = "card_last4", nullable = false, length = 4, updatable = false)
  private String cardLast4;

  @Column(
      name = "request_fingerprint",
      nullable = false,
      length = 64,
      columnDefinition = "bpchar(64)",
      updatable = false)
  private String requestFingerprint;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PaymentStatus status;

  @Enumerated(EnumType.STRING)
  @Column(length = 32)
  private PaymentFailure failure;

  @Column(name = "payment_method", length = 40, updatable = false)
  private String paymentMethod;

  @Column(name = "processor_reference", length = 64)
  private String processorReference;

  @Column(
      name = "created_at",
      nullable = false,
      updatable = false,
      columnDefinition = "timestamptz")
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false, columnDefinition = "timestamptz")
  private Instant updatedAt;

  @Column(name = "captured_at", columnDefinition = "timestamptz")
  private Instant capturedAt;

  @Version private long version;

  protected Payment() {}

  /** A payment about to be sent to the processor, charging the payment method with this token. */
  public Payment(
      String paymentKey,
      String customerId,
      Money amount,
      String paymentMethod,
      CardBrand cardBrand,
      String cardLast4,
      String requestFingerprint,
      Clock clock) {
    this.paymentKey = Objects.requireNonNull(paymentKey, "paymentKey");
    this.customerId = Objects.requireNonNull(customerId, "customerId");
    this.amount = amount.amount();
    this.currency = amount.currency();
    this.paymentMethod = Objects.requireNonNull(paymentMethod, "paymentMethod");
    this.cardBrand = cardBrand;
    this.cardLast4 = cardLast4;
    this.requestFingerprint = requestFingerprint;
    this.status = PaymentStatus.PROCESSING;
    this.createdAt = clock.instant();
    this.updatedAt = createdAt;
  }

  /**
   * PROCESSING → AUTHORIZED; false when the payment already has an outcome (a late or repeated
   * answer).
   */
  public boolean authorized(String reference, Clock clock) {
    if (status != PaymentStatus.PROCESSING) {
      return false;
    }
    this.processorReference = reference;
    return moveTo(PaymentStatus.AUTHORIZED, clock);
  }

  /** PROCESSING → DECLINED or FAILED; false when the payment already has an outcome. */
  public boolean unsuccessful(PaymentFailure reason, String reference, Clock clock) {
    if (status != PaymentStatus.PROCESSING) {
      return false;
    }
    this.failure = Objects.requireNonNull(reason, "reason");
    this.processorReference = reference;
    boolean declined =
        reason == PaymentFailure.CARD_DECLINED || reason == PaymentFailure.INSUFFICIENT_FUNDS;
    return moveTo(declined ? PaymentStatus.DECLINED : PaymentStatus.FAILED, clock);
  }

  /** AUTHORIZED → CAPTURED; false when captured (or refunded) already. */
  public boolean capture(Clock clock) {
    if (status == PaymentStatus.CAPTURED || status == PaymentStatus.REFUNDED) {
      return false;
    }
    require(PaymentStatus.AUTHORIZED, "captured");
    capturedAt = clock.instant();
    return moveTo(PaymentStatus.CAPTURED, clock);
  }

  /**
   * AUTHORIZED → VOIDED; false when voided already or when nothing was ever held (declined,
   * failed).
   */
  public boolean voidAuthorization(Clock clock) {
    if (status == PaymentStatus.VOIDED || status.isUnsuccessful()) {
      return false;
    }
    require(PaymentStatus.AUTHORIZED, "voided");
    return moveTo(PaymentStatus.VOIDED, clock);
  }

  /** CAPTURED → REFUNDED; false when refunded already. */
  public boolean refund(Clock clock) {
    if (status == PaymentStatus.REFUNDED) {
      return false;
    }
    require(PaymentStatus.CAPTURED, "refunded");
    return moveTo(PaymentStatus.REFUNDED, clock);
  }

  private void require(PaymentStatus expected, String verb) {
    if (status != expected) {
      throw new PaymentStateException(
          "Payment "
              + paymentKey
              + " is "
              + status.name().toLowerCase(Locale.ROOT)
              + " and cannot be "
              + verb
              + ".");
    }
  }

  private boolean moveTo(PaymentStatus next, Clock clock) {
    status = next;
    updatedAt = clock.instant();
    return true;
  }

  public String paymentKey() {
    return paymentKey;
  }

  public String customerId() {
    return customerId;
  }

  public Money amount() {
    return new Money(amount, currency);
  }

  public CardBrand cardBrand() {
    return cardBrand;
  }

  public String cardLast4() {
    return cardLast4;
  }

  /**
   * The token of the payment method charged; null for payments made before payment methods existed.
   */
  public String paymentMethod() {
    return paymentMethod;
  }

  public String requestFingerprint() {
    return requestFingerprint;
  }

  public PaymentStatus status() {
    return status;
  }

  public PaymentFailure failure() {
    return failure;
  }

  public String processorReference() {
    return processorReference;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant capturedAt() {
    return capturedAt;
  }
}
