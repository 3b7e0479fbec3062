package dev.cleave.product.api;

import dev.cleave.kernel.Money;
import java.time.Instant;

/**
 * Everything the product page shows.
 *
 * @param id the product id
 * @param sku the stock-keeping unit
 * @param name the display name
 * @param description the long description
 * @param category the category
 * @param price the unit price
 * @param available units available to sell now
 * @param active whether the product is on sale
 * @param updatedAt when the product last changed
 */
public record ProductDetails(
    long id,
    String sku,
    String name,
    String description,
    CategorySummary category,
    Money price,
    int available,
    boolean active,
    Instant updatedAt) {}
