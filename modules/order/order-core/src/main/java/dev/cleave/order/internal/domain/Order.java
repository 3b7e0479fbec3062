package dev.cleave.order.internal.domain;

import dev.cleave.kernel.Money;
import dev.cleave.order.api.OrderStatus;
import dev.cleave.payment.api.CardBrand;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An order and the persisted state of its checkout saga. The allowed moves are the arrows of {@link
 * OrderStatus}; {@link #moveTo} refuses every other one, so two saga drivers racing on one order
 * (the request thread and the recovery job) cannot both move it: the second finds it moved.
 */
@Entity(name = "CustomerOrder") // "Order" is a JPQL keyword
@Table(name = "orders")
public class Order {

  private static final Map<OrderStatus, Set<OrderStatus>> ARROWS =
      Map.of(
          OrderStatus.PLACED,
              EnumSet.of(OrderStatus.STOCK_RESERVED, OrderStatus.REJECTED, OrderStatus.FAILED),
          OrderStatus.STOCK_RESERVED,
              EnumSet.of(
                  OrderStatus.PAYMENT_AUTHORIZED, OrderStatus.PAYMENT_DECLINED, OrderStatus.FAILED),
          OrderStatus.PAYMENT_AUTHORIZED, EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.FAILED),
          OrderStatus.CONFIRMED, EnumSet.of(OrderStatus.CANCELLING),
          OrderStatus.CANCELLING, EnumSet.of(OrderStatus.CANCELLED));

  @Id private UUID id;

  @Column(name = "customer_id", nullable = false, length = 64, updatable = false)
  private String customerId;

  @Column(name = "idempotency_key", nullable = false, length = 255, updatable = false)
  private String idempotencyKey;

  @Column(
      name = "request_fingerprint",
      nullable = false,
      length = 64,
      columnDefinition = "bpchar(64)",
      updatable = false)
  private String requestFingerprint;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private OrderStatus status;

  @Column(name = "failure_reason", length = 300)
  private String failureReason;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "order_lines", joinColumns = @JoinColumn(name = "order_id"))
  private List<OrderLineItem> lines = new ArrayList<>();

  @Column(name = "total_amount", nullable = false, precision = 12, scale = 2, updatable = false)
  private BigDecimal totalAmount;

  @Column(nullable = false, length = 3, columnDefinition = "bpchar(3)", updatable = false)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(name = "card_brand", nullable = false, length = 16, updatable = false)
  private CardBrand cardBrand;

  @Column(name = "card_last4", nullable = false, length = 4, updatable = false)
  private String cardLast4;

  @Column(name = "payment_method", length = 40, updatable = false)
  private String paymentMethod;

  @Embedded private DeliveryAddress shippingAddress;

  @Column(name = "placed_at", nullable = false, updatable = false, columnDefinition = "timestamptz")
  private Instant placedAt;

  @Column(name = "updated_at", nullable = false, columnDefinition = "timestamptz")
  private Instant updatedAt;

  @Column(name = "completed_at", columnDefinition = "timestamptz")
  private Instant completedAt;

  @Column(name = "recovery_attempts", nullable = false)
  private int recoveryAttempts;

  @Version private long version;

  protected Order() {}

  /** A new order, {@code PLACED}, for these lines (all in {@code currency}). */
  public Order(
      UUID id,
      String customerId,
      String idempotencyKey,
      String requestFingerprint,
      List<OrderLineItem> lines,
      String currency,
      CardBrand cardBrand,
      String cardLast4,
      String paymentMethod,
      DeliveryAddress shippingAddress,
      Clock clock) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order needs lines");
    }
    this.id = Objects.requireNonNull(id, "id");
    this.customerId = Objects.requireNonNull(customerId, "customerId");
    this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    this.requestFingerprint = requestFingerprint;
    this.lines = new ArrayList<>(lines);
    this.lines.sort(Comparator.comparingLong(OrderLineItem::productId));
    this.totalAmount =
        lines.stream().map(OrderLineItem::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    this.currency = currency;
    this.cardBrand = cardBrand;
    this.cardLast4 = cardLast4;
    this.paymentMethod = Objects.requireNonNull(paymentMethod, "paymentMethod");
    this.shippingAddress = shippingAddress;
    this.status = OrderStatus.PLACED;
    this.placedAt = clock.instant();
    this.updatedAt = placedAt;
  }

  /** True when the saga may move the order from its status to {@code next}. */
  public boolean canMoveTo(OrderStatus next) {
    return ARROWS.getOrDefault(status, Set.of()).contains(next);
  }

  /**
   * Moves the order along one arrow.
   *
   * @param reason why, for the failure states; {@code null} otherwise
   * @throws IllegalStateException for a move that is not an arrow
   */
  public void moveTo(OrderStatus next, String reason, Clock clock) {
    if (!canMoveTo(next)) {
      throw new IllegalStateException(
          "order " + id + " cannot move from " + status + " to " + next);
    }
    status = next;
    if (reason != null) {
      failureReason = reason.length() > 300 ? reason.substring(0, 300) : reason;
    }
    updatedAt = clock.instant();
    completedAt = next.isSettled() ? updatedAt : null;
  }

  /** Notes a recovery attempt that could not finish the saga (the next one waits longer). */
  public void recoveryAttempted(Clock clock) {
    recoveryAttempts++;
    updatedAt = clock.instant();
  }

  /** How long the saga took from placement to its final state; empty while it runs. */
  public Optional<Duration> sagaDuration() {
    return Optional.ofNullable(completedAt).map(done -> Duration.between(placedAt, done));
  }

  public UUID id() {
    return id;
  }

  public String customerId() {
    return customerId;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public String requestFingerprint() {
    return requestFingerprint;
  }

  public OrderStatus status() {
    return status;
  }

  public String failureReason() {
    return failureReason;
  }

  public List<OrderLineItem> lines() {
    return List.copyOf(lines);
  }

  public Money total() {
    return new Money(totalAmount, currency);
  }

  public String currency() {
    return currency;
  }

  public CardBrand cardBrand() {
    return cardBrand;
  }

  public String cardLast4() {
    return cardLast4;
  }

  /**
   * The payment module's token for the card; null for orders placed before payment methods existed.
   */
  public String paymentMethod() {
    return paymentMethod;
  }

  public DeliveryAddress shippingAddress() {
    return shippingAddress;
  }

  public Instant placedAt() {
    return placedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public int recoveryAttempts() {
    return recoveryAttempts;
  }
}
