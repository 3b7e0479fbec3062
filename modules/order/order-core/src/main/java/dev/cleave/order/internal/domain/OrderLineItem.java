package dev.cleave.order.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One product of an order with the price it had at placement. */
@Embeddable
public class OrderLineItem {

  @Column(name = "product_id", nullable = false)
  private long productId;

  @Column(nullable = false, length = 64)
  private String sku;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "unit_price", nullable = false, precision = 12, scale = 2)
  private BigDecimal unitPrice;

  @Column(nullable = false)
  private int quantity;

  protected OrderLineItem() {}

  public OrderLineItem(
      long productId, String sku, String name, BigDecimal unitPrice, int quantity) {
    this.productId = productId;
    this.sku = sku;
    this.name = name;
    this.unitPrice = unitPrice;
    this.quantity = quantity;
  }

  public long productId() {
    return productId;
  }

  public String sku() {
    return sku;
  }

  public String name() {
    return name;
  }

  public BigDecimal unitPrice() {
    return unitPrice;
  }

  public int quantity() {
    return quantity;
  }

  public BigDecimal lineTotal() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity));
  }
}
