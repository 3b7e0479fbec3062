package dev.cleave.product.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * Sets the number of units on hand (an inventory count, not a delta).
 *
 * <p>The count is read as a decimal and must be whole: JSON-B would silently truncate {@code 1.5}
 * to {@code 1} for an integer field, and a stock count must never be changed by rounding.
 *
 * @param onHand units physically in stock, a whole number from 0 to 1,000,000
 */
public record StockUpdate(
    @NotNull
        @DecimalMin("0")
        @DecimalMax("1000000")
        @Digits(integer = 7, fraction = 0, message = "must be a whole number")
        BigDecimal onHand) {

  /** The validated count. */
  public int units() {
    return onHand.intValueExact();
  }
}
