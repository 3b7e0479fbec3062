package dev.cleave.order.api;

import dev.cleave.kernel.Money;
import java.util.List;

/**
 * The caller's cart.
 *
 * @param lines the products, in the order they were added
 * @param units units over all lines
 * @param total the sum of the available lines; {@code null} when the cart is empty or mixes
 *     currencies
 */
public record CartView(List<CartLine> lines, int units, Money total) {}
