package dev.cleave.gateway;

import java.util.Locale;

/**
 * Which requests an entry of the gateway's configuration covers: {@code [METHOD] /path}, where a
 * path ending in {@code /**} also covers everything below it ({@code /api/v1/products/**} covers
 * {@code /api/v1/products} and {@code /api/v1/products/7}) and any other path covers itself only.
 * Without a method ({@code *}) every method is covered; {@code GET} also covers {@code HEAD}. Used
 * by the anonymous routes, the rate limits and the address rules alike.
 */
record RequestPattern(String method, String path, boolean below) {

  /**
   * @param method an HTTP method, or {@code *} for every method
   * @param pattern {@code /path} or {@code /path/**}
   * @throws IllegalArgumentException when the pattern is not one of those
   */
  static RequestPattern of(String method, String pattern) {
    if (!method.matches("[A-Za-z]+|\\*") || !pattern.startsWith("/")) {
      throw new IllegalArgumentException("'" + method + " " + pattern + "' is not [METHOD] /path");
    }
    boolean below = pattern.endsWith("/**");
    String path = below ? pattern.substring(0, pattern.length() - 3) : pattern;
    if (path.contains("*")) {
      throw new IllegalArgumentException(
          "'" + pattern + "': only a trailing /** may stand for what is below a path");
    }
    return new RequestPattern(method.toUpperCase(Locale.ROOT), path, below);
  }

  boolean matches(String requestMethod, String requestPath) {
    boolean methodMatches =
        method.equals("*")
            || method.equals(requestMethod)
            || (method.equals("GET") && requestMethod.equals("HEAD"));
    return methodMatches
        && (requestPath.equals(path) || (below && requestPath.startsWith(path + "/")));
  }

  @Override
  public String toString() {
    return (method.equals("*") ? "" : method + " ") + path + (below ? "/**" : "");
  }
}
