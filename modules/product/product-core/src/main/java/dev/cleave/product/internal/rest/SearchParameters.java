package dev.cleave.product.internal.rest;

import static dev.cleave.platform.web.QueryParameters.blankToNull;
import static dev.cleave.platform.web.QueryParameters.integer;

import dev.cleave.kernel.Money;
import dev.cleave.platform.web.InvalidRequestException;
import dev.cleave.platform.web.QueryParameters;
import dev.cleave.product.internal.domain.ProductSearch;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the raw query parameters of {@code GET /api/v1/products} into a {@link ProductSearch}, or a
 * 400 that lists every bad parameter. Parameters arrive as strings on purpose: JAX-RS would answer
 * a non-numeric {@code page} with 404, which tells a client nothing.
 */
final class SearchParameters {

  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 100;
  static final int MAX_PAGE = QueryParameters.MAX_PAGE;
  static final int MAX_TEXT = 200;
  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private SearchParameters() {}

  static ProductSearch parse(
      String q,
      String category,
      String minPrice,
      String maxPrice,
      String sort,
      String page,
      String size) {
    InvalidRequestException.Collector errors = new InvalidRequestException.Collector();

    String text = blankToNull(q);
    if (text != null && text.length() > MAX_TEXT) {
      errors.add("q", "must be at most " + MAX_TEXT + " characters");
    } else if (text != null && CONTROL.matcher(text).find()) {
      errors.add("q", "must not contain control characters");
    }

    String slug = blankToNull(category);
    if (slug != null && (slug.length() > 64 || !SLUG.matcher(slug).matches())) {
      errors.add("category", "must be a category slug such as 'kitchen'");
    }

    BigDecimal min = price("minPrice", minPrice, errors);
    BigDecimal max = price("maxPrice", maxPrice, errors);
    if (min != null && max != null && min.compareTo(max) > 0) {
      errors.add("minPrice", "must not be greater than maxPrice");
    }

    ProductSearch.Sort order = ProductSearch.Sort.RELEVANCE;
    if (blankToNull(sort) != null) {
      try {
        order = ProductSearch.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add("sort", "must be one of relevance, name, price_asc, price_desc, newest");
      }
    }
    if (order == ProductSearch.Sort.RELEVANCE && text == null) {
      order = ProductSearch.Sort.NAME;
    }

    int pageNumber = integer("page", page, 1, 1, MAX_PAGE, errors);
    int pageSize = integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);

    errors.throwIfAny();
    return new ProductSearch(
        text == null ? null : text.strip(), slug, min, max, order, pageNumber, pageSize);
  }

  private static BigDecimal price(
      String name, String raw, InvalidRequestException.Collector errors) {
    String value = blankToNull(raw);
    if (value == null) {
      return null;
    }
    try {
      if (value.length() > 20) {
        throw new NumberFormatException();
      }
      BigDecimal amount = new BigDecimal(value.strip());
      if (amount.signum() < 0 || amount.compareTo(Money.MAX_AMOUNT) > 0 || amount.scale() > 2) {
        errors.add(
            name,
            "must be a price between 0 and " + Money.MAX_AMOUNT + " with at most two decimals");
        return null;
      }
      return amount;
    } catch (NumberFormatException e) {
      errors.add(name, "must be a decimal number such as 19.99");
      return null;
    }
  }
}
