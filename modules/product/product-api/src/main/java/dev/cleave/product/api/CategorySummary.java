package dev.cleave.product.api;

/**
 * A catalog category.
 *
 * @param slug the stable identifier used in URLs and filters, for example {@code kitchen}
 * @param name the display name
 * @param productCount how many active products it holds (absent where not computed)
 */
public record CategorySummary(String slug, String name, Long productCount) {}
