package dev.cleave.product.internal.domain;

import java.math.BigDecimal;

/**
 * A validated catalog query. Only active products are ever searched.
 *
 * @param text free text, searched with PostgreSQL full-text search, or {@code null}
 * @param category a category slug, or {@code null}
 * @param minPrice lowest price, inclusive, or {@code null}
 * @param maxPrice highest price, inclusive, or {@code null}
 * @param sort the order of the results
 * @param page 1-based page number
 * @param size page size
 */
public record ProductSearch(
    String text,
    String category,
    BigDecimal minPrice,
    BigDecimal maxPrice,
    Sort sort,
    int page,
    int size) {

  /** Orders a search can return. */
  public enum Sort {
    /**
     * Best text match first (name matches weigh more); falls back to {@link #NAME} without text.
     */
    RELEVANCE,
    NAME,
    PRICE_ASC,
    PRICE_DESC,
    NEWEST
  }

  public long offset() {
    return (long) (page - 1) * size;
  }
}
