package dev.cleave.product.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;

/**
 * The stock of one product. Invariant: units on hand are never negative (also a database check).
 * Reservations for orders join this aggregate with checkout.
 */
@Entity
@Table(name = "inventory_items")
public class InventoryItem {

  @Id
  @Column(name = "product_id")
  private Long productId;

  @Column(name = "on_hand", nullable = false)
  private int onHand;

  @Column(name = "updated_at", nullable = false, columnDefinition = "timestamptz")
  private Instant updatedAt;

  @Version
  private long version;

  protected InventoryItem() {
  }

  public InventoryItem(long productId, int onHand, Clock clock) {
    this.productId = productId;
    count(onHand, clock);
  }

  /** Records a stock count: the units physically on hand now. */
  public void count(int units, Clock clock) {
    if (units < 0) {
      throw new IllegalArgumentException("units on hand must not be negative");
    }
    this.onHand = units;
    this.updatedAt = clock.instant();
  }

  public long productId() {
    return productId;
  }

  public int onHand() {
    return onHand;
  }
}
