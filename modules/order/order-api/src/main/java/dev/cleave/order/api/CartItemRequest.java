package dev.cleave.order.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/**
 * Adds units of a product to the cart (on top of those already there).
 *
 * @param productId the product
 * @param quantity 1 to {@value #MAX_QUANTITY} units
 */
public record CartItemRequest(
    @Positive long productId, @Min(1) @Max(CartItemRequest.MAX_QUANTITY) int quantity) {

  /** Most units of one product in a cart (and in an order line). */
  public static final int MAX_QUANTITY = 100;

  /** Most different products in a cart. */
  public static final int MAX_LINES = 50;
}
