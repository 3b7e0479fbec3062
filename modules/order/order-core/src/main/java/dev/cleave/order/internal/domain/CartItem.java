package dev.cleave.order.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * Units of one product in one customer's cart. Changes go through {@link CartRepository}'s atomic
 * statements.
 */
@Entity
@Table(name = "cart_items")
@IdClass(CartItem.Key.class)
public class CartItem {

  /** The composite key. */
  public record Key(String customerId, long productId) implements Serializable {
    public Key() {
      this(null, 0);
    }
  }

  @Id
  @Column(name = "customer_id", length = 64)
  private String customerId;

  @Id
  @Column(name = "product_id")
  private long productId;

  @Column(nullable = false)
  private int quantity;

  @Column(name = "added_at", nullable = false, columnDefinition = "timestamptz")
  private Instant addedAt;

  @Column(name = "updated_at", nullable = false, columnDefinition = "timestamptz")
  private Instant updatedAt;

  protected CartItem() {}

  public String customerId() {
    return customerId;
  }

  public long productId() {
    return productId;
  }

  public int quantity() {
    return quantity;
  }

  public Instant addedAt() {
    return addedAt;
  }
}
