package dev.cleave.product.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;

/**
 * The stock of one product. Invariants (also database checks): {@code 0 <= reserved <= onHand}, so
 * stock is never negative and never promised twice. {@code onHand - reserved} units are available.
 */
@Entity
@Table(name = "inventory_items")
public class InventoryItem {

  @Id
  @Column(name = "product_id")
  private Long productId;

  @Column(name = "on_hand", nullable = false)
  private int onHand;

  @Column(nullable = false)
  private int reserved;

  @Column(name = "updated_at", nullable = false, columnDefinition = "timestamptz")
  private Instant updatedAt;

  @Version private long version;

  protected InventoryItem() {}

  public InventoryItem(long productId, int onHand, Clock clock) {
    this.productId = productId;
    count(onHand, clock);
  }

  /**
   * Records a stock count: the units physically on hand now.
   *
   * @return false, changing nothing, when fewer units are counted than are reserved for orders
   */
  public boolean count(int units, Clock clock) {
    if (units < 0) {
      throw new IllegalArgumentException("units on hand must not be negative");
    }
    if (units < reserved) {
      return false;
    }
    this.onHand = units;
    this.updatedAt = clock.instant();
    return true;
  }

  /** Holds units for an order; false, holding nothing, when fewer are available. */
  public boolean reserve(int units, Clock clock) {
    if (units <= 0) {
      throw new IllegalArgumentException("units must be positive");
    }
    if (available() < units) {
      return false;
    }
    reserved += units;
    updatedAt = clock.instant();
    return true;
  }

  /** Held units leave stock (the order is paid). */
  /** Committed units come back (a paid order was cancelled). */
  public void restock(int units, Clock clock) {
    if (units <= 0) {
      throw new IllegalArgumentException("units must be positive");
    }
    onHand += units;
    updatedAt = clock.instant();
  }

  public void commitReserved(int units, Clock clock) {
    requireReserved(units);
    reserved -= units;
    onHand -= units;
    updatedAt = clock.instant();
  }

  /** Held units become available again. */
  public void releaseReserved(int units, Clock clock) {
    requireReserved(units);
    reserved -= units;
    updatedAt = clock.instant();
  }

  private void requireReserved(int units) {
    if (units <= 0 || units > reserved) {
      throw new IllegalStateException(units + " units are not reserved for product " + productId);
    }
  }

  public int reserved() {
    return reserved;
  }

  /** Units that can be sold now. */
  public int available() {
    return onHand - reserved;
  }

  public long productId() {
    return productId;
  }

  public int onHand() {
    return onHand;
  }
}
