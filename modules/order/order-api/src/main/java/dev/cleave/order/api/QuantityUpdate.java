package dev.cleave.order.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Sets how many units of a product the cart holds. */
public record QuantityUpdate(@Min(1) @Max(CartItemRequest.MAX_QUANTITY) int quantity) {}
