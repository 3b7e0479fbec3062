package dev.cleave.product.internal.domain;

import dev.cleave.kernel.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A product in the catalog.
 *
 * <p>Invariants: the SKU is unique and never changes; the name is not blank; the price is a
 * non-negative {@link Money} amount; a deactivated product is never listed or sold again but keeps
 * its row, because orders refer to it. Concurrent edits are detected by the version column.
 */
@Entity
@Table(name = "products")
public class Product {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64, updatable = false)
  private String sku;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false, length = 4000)
  private String description;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "category_id", nullable = false)
  private Category category;

  @Column(name = "price_amount", nullable = false, precision = 12, scale = 2)
  private BigDecimal priceAmount;

  @Column(name = "price_currency", nullable = false, length = 3)
  private String priceCurrency;

  @Column(nullable = false)
  private boolean active;

  @Column(
      name = "created_at",
      nullable = false,
      updatable = false,
      columnDefinition = "timestamptz")
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false, columnDefinition = "timestamptz")
  private Instant updatedAt;

  @Version private long version;

  protected Product() {}

  public Product(
      String sku, String name, String description, Category category, Money price, Clock clock) {
    this.sku = Objects.requireNonNull(sku, "sku");
    this.active = true;
    this.createdAt = clock.instant();
    describe(name, description, category, price, clock);
  }

  /** Replaces everything an administrator may change; the SKU stays. */
  public void describe(
      String name, String description, Category category, Money price, Clock clock) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (price.amount().signum() < 0) {
      throw new IllegalArgumentException("price must not be negative");
    }
    this.name = name.strip();
    this.description = description == null ? "" : description.strip();
    this.category = Objects.requireNonNull(category, "category");
    this.priceAmount = price.amount();
    this.priceCurrency = price.currency();
    this.updatedAt = clock.instant();
  }

  /** Takes the product off sale for good; idempotent. */
  public void deactivate(Clock clock) {
    if (active) {
      active = false;
      updatedAt = clock.instant();
    }
  }

  public Long id() {
    return id;
  }

  public String sku() {
    return sku;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Category category() {
    return category;
  }

  public Money price() {
    return new Money(priceAmount, priceCurrency);
  }

  public boolean isActive() {
    return active;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
