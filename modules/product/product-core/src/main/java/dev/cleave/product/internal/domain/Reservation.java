package dev.cleave.product.internal.domain;

import dev.cleave.product.api.ReservationStatus;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The stock held for one order.
 *
 * <p>Invariants: one reservation per order id; its lines never change after creation; status moves
 * only HELD → COMMITTED or HELD → RELEASED, and a REJECTED reservation held nothing. While HELD its
 * units are counted in the inventory items' {@code reserved}; the application keeps the two in step
 * inside one transaction, with the reservation row locked before the inventory rows.
 */
@Entity
@Table(name = "reservations")
public class Reservation {

  @Id
  @Column(name = "order_id", length = 64)
  private String orderId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ReservationStatus status;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "reservation_lines", joinColumns = @JoinColumn(name = "order_id"))
  private List<ReservationLine> lines = new ArrayList<>();

  @Column(
      name = "created_at",
      nullable = false,
      updatable = false,
      columnDefinition = "timestamptz")
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, columnDefinition = "timestamptz")
  private Instant expiresAt;

  @Column(name = "updated_at", nullable = false, columnDefinition = "timestamptz")
  private Instant updatedAt;

  @Version private long version;

  protected Reservation() {}

  private Reservation(
      String orderId,
      ReservationStatus status,
      List<ReservationLine> lines,
      Duration ttl,
      Clock clock) {
    this.orderId = Objects.requireNonNull(orderId, "orderId");
    this.status = status;
    this.lines = new ArrayList<>(lines);
    this.lines.sort(Comparator.comparingLong(ReservationLine::productId));
    this.createdAt = clock.instant();
    this.updatedAt = createdAt;
    this.expiresAt = createdAt.plus(ttl);
  }

  /** A reservation whose units the caller has just held in the inventory. */
  public static Reservation held(
      String orderId, Map<Long, Integer> quantities, Duration ttl, Clock clock) {
    List<ReservationLine> lines =
        quantities.entrySet().stream()
            .map(e -> new ReservationLine(e.getKey(), e.getValue(), true))
            .toList();
    return new Reservation(orderId, ReservationStatus.HELD, lines, ttl, clock);
  }

  /**
   * A reservation that held nothing because the products named in {@code unavailable} could not be
   * served.
   */
  public static Reservation rejected(
      String orderId,
      Map<Long, Integer> quantities,
      Set<Long> unavailable,
      Duration ttl,
      Clock clock) {
    List<ReservationLine> lines =
        quantities.entrySet().stream()
            .map(
                e ->
                    new ReservationLine(
                        e.getKey(), e.getValue(), !unavailable.contains(e.getKey())))
            .toList();
    return new Reservation(orderId, ReservationStatus.REJECTED, lines, ttl, clock);
  }

  /** True when the reservation was made for exactly these quantities. */
  public boolean isFor(Map<Long, Integer> quantities) {
    if (lines.size() != quantities.size()) {
      return false;
    }
    return lines.stream()
        .allMatch(
            line -> Integer.valueOf(line.quantity()).equals(quantities.get(line.productId())));
  }

  /** HELD → COMMITTED; false when it was committed already. */
  public boolean commit(Clock clock) {
    if (status == ReservationStatus.COMMITTED) {
      return false;
    }
    if (status != ReservationStatus.HELD) {
      throw new IllegalStateException("a " + status + " reservation cannot be committed");
    }
    status = ReservationStatus.COMMITTED;
    updatedAt = clock.instant();
    return true;
  }

  /** HELD → RELEASED; false when nothing is held (released or rejected already). */
  public boolean release(Clock clock) {
    if (status == ReservationStatus.RELEASED || status == ReservationStatus.REJECTED) {
      return false;
    }
    if (status != ReservationStatus.HELD) {
      throw new IllegalStateException("a " + status + " reservation cannot be released");
    }
    status = ReservationStatus.RELEASED;
    updatedAt = clock.instant();
    return true;
  }

  /** COMMITTED → RESTOCKED; false when restocked already. */
  public boolean restock(Clock clock) {
    if (status == ReservationStatus.RESTOCKED) {
      return false;
    }
    if (status != ReservationStatus.COMMITTED) {
      throw new IllegalStateException("a " + status + " reservation cannot be restocked");
    }
    status = ReservationStatus.RESTOCKED;
    updatedAt = clock.instant();
    return true;
  }

  public String orderId() {
    return orderId;
  }

  public ReservationStatus status() {
    return status;
  }

  /** The lines, by product id. */
  public List<ReservationLine> lines() {
    return List.copyOf(lines);
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
