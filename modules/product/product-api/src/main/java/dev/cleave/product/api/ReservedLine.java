package dev.cleave.product.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/**
 * Units of one product in a reservation.
 *
 * @param productId the product
 * @param quantity units, 1 to {@value #MAX_QUANTITY}
 */
public record ReservedLine(
    @Positive long productId, @Positive @Max(ReservedLine.MAX_QUANTITY) int quantity) {

  public static final int MAX_QUANTITY = 1000;
}
