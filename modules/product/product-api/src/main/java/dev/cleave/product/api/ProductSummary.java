package dev.cleave.product.api;

import dev.cleave.kernel.Money;

/**
 * A product in a catalog listing.
 *
 * @param id the product id
 * @param sku the stock-keeping unit
 * @param name the display name
 * @param category the category slug
 * @param price the unit price
 * @param inStock whether at least one unit is available
 */
public record ProductSummary(
    long id, String sku, String name, String category, Money price, boolean inStock) {}
