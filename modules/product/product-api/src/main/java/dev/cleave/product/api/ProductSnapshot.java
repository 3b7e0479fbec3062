package dev.cleave.product.api;

import dev.cleave.kernel.Money;

/**
 * A product as another module needs to see it at one moment.
 *
 * @param id the product id
 * @param sku the stock-keeping unit, unique in the catalog
 * @param name the display name
 * @param price the current unit price
 * @param active whether the product can be sold now
 */
public record ProductSnapshot(long id, String sku, String name, Money price, boolean active) {}
