package dev.cleave.order.api;

import dev.cleave.kernel.Money;

/**
 * One product in a cart, priced from the catalog now (the price is fixed only when an order is
 * placed).
 *
 * @param productId the product
 * @param sku its SKU; {@code null} when the product no longer exists
 * @param name its name; {@code null} when the product no longer exists
 * @param unitPrice its current price; {@code null} when the product no longer exists
 * @param quantity units in the cart
 * @param lineTotal unit price × quantity; {@code null} when the product no longer exists
 * @param available false when the product was deactivated or removed (placing the order is refused
 *     until it goes)
 */
public record CartLine(
    long productId,
    String sku,
    String name,
    Money unitPrice,
    int quantity,
    Money lineTotal,
    boolean available) {}
