package dev.cleave.product.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Sets the number of units on hand (an inventory count, not a delta).
 *
 * @param onHand units physically in stock, 0 to 1,000,000
 */
public record StockUpdate(@NotNull @Min(0) @Max(1_000_000) Integer onHand) {
}
