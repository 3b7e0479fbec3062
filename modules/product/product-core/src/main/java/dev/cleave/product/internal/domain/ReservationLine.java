package dev.cleave.product.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Units of one product in a {@link Reservation}; a value. */
@Embeddable
public class ReservationLine {

  @Column(name = "product_id", nullable = false)
  private long productId;

  @Column(nullable = false)
  private int quantity;

  @Column(nullable = false)
  private boolean available;

  protected ReservationLine() {}

  ReservationLine(long productId, int quantity, boolean available) {
    this.productId = productId;
    this.quantity = quantity;
    this.available = available;
  }

  public long productId() {
    return productId;
  }

  public int quantity() {
    return quantity;
  }

  /** False when this line made the reservation fail. */
  public boolean available() {
    return available;
  }
}
