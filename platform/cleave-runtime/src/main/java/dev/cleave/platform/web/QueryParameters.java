package dev.cleave.platform.web;

/**
 * Parsing of raw query parameters into values or collected violations. Resources take query
 * parameters as strings and parse them here, because JAX-RS answers a non-numeric {@code ?page=x}
 * with a 404 that tells a client nothing.
 */
public final class QueryParameters {

  /** The largest page number any listing accepts. */
  public static final int MAX_PAGE = 10_000;

  private QueryParameters() {}

  /**
   * A whole number between {@code min} and {@code max}; {@code fallback} when absent or blank, and
   * also (after adding a violation) when invalid.
   */
  public static int integer(
      String name,
      String raw,
      int fallback,
      int min,
      int max,
      InvalidRequestException.Collector errors) {
    String value = blankToNull(raw);
    if (value == null) {
      return fallback;
    }
    try {
      long parsed = value.length() > 12 ? Long.MAX_VALUE : Long.parseLong(value.strip());
      if (parsed < min || parsed > max) {
        errors.add(name, "must be between " + min + " and " + max);
        return fallback;
      }
      return (int) parsed;
    } catch (NumberFormatException e) {
      errors.add(name, "must be a whole number between " + min + " and " + max);
      return fallback;
    }
  }

  /** {@code null} for an absent or blank value, else the value unchanged. */
  public static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
