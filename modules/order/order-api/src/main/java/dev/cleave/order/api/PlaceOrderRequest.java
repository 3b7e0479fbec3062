package dev.cleave.order.api;

import dev.cleave.payment.api.CardDetails;
import dev.cleave.user.api.Address;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Places an order from the caller's cart.
 *
 * @param card the card to pay with; used for this checkout only, never stored (the order keeps
 *     brand and last four digits)
 * @param shippingAddress where to ship; when absent, the customer's default address
 */
public record PlaceOrderRequest(@NotNull @Valid CardDetails card, @Valid Address shippingAddress) {}
