package dev.cleave.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin requests from browsers (the storefront served from another origin), answered at the
 * edge from configuration:
 *
 * <ul>
 *   <li>{@code cleave.gateway.cors.allowed-origins}: exact origins ({@code https://shop.example}),
 *       or {@code *} for any; none (the default) means no CORS at all;
 *   <li>{@code cleave.gateway.cors.allowed-methods}, {@code cleave.gateway.cors.allowed-headers}
 *       and {@code cleave.gateway.cors.max-age} for preflights.
 * </ul>
 *
 * A preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is
 * answered here, never forwarded: 204 with the grants, or 403 when the origin, method or a header
 * is not allowed. An actual request from an allowed origin gets {@code Access-Control-Allow-Origin}
 * and the exposed headers; from another origin it goes through without them, so the browser
 * withholds the answer (CORS protects the browser's user, it is not authorization: tokens are
 * checked regardless). Bearer tokens travel in a header, not in cookies, so credentials are never
 * allowed.
 */
final class CorsPolicy {

  /** Response headers a storefront script may read. */
  static final String EXPOSED =
      "Location, ETag, Retry-After, RateLimit, RateLimit-Policy, X-Request-Id, "
          + "Idempotent-Replayed";

  /** A preflight's answer: allowed with these headers, or refused with a reason. */
  record Preflight(boolean allowed, Map<String, String> headers, String reason) {}

  private final Set<String> origins;
  private final Set<String> methods;
  private final Set<String> headers;
  private final Duration maxAge;

  CorsPolicy(List<String> origins, List<String> methods, List<String> headers, Duration maxAge) {
    this.origins =
        origins.stream()
            .map(String::strip)
            .filter(o -> !o.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    this.methods =
        methods.stream()
            .map(m -> m.strip().toUpperCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    this.headers =
        headers.stream()
            .map(h -> h.strip().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    this.maxAge = maxAge;
  }

  static boolean isPreflight(String method, String origin, String requestedMethod) {
    return "OPTIONS".equals(method) && origin != null && requestedMethod != null;
  }

  private boolean admits(String origin) {
    return origin != null && (origins.contains("*") || origins.contains(origin));
  }

  private String allowOrigin(String origin) {
    return origins.contains("*") ? "*" : origin;
  }

  Preflight preflight(String origin, String requestedMethod, String requestedHeaders) {
    if (!admits(origin)) {
      return new Preflight(false, Map.of(), "origin " + origin + " is not allowed");
    }
    if (!methods.contains(requestedMethod.strip().toUpperCase(Locale.ROOT))) {
      return new Preflight(false, Map.of(), "method " + requestedMethod + " is not allowed");
    }
    if (requestedHeaders != null) {
      for (String header : requestedHeaders.split(",")) {
        String name = header.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !headers.contains(name)) {
          return new Preflight(false, Map.of(), "header " + name + " is not allowed");
        }
      }
    }
    Map<String, String> grant = new LinkedHashMap<>();
    grant.put("Access-Control-Allow-Origin", allowOrigin(origin));
    grant.put(
        "Access-Control-Allow-Methods", String.join(", ", methods.stream().sorted().toList()));
    grant.put(
        "Access-Control-Allow-Headers", String.join(", ", headers.stream().sorted().toList()));
    grant.put("Access-Control-Max-Age", Long.toString(maxAge.toSeconds()));
    grant.put("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    return new Preflight(true, grant, "");
  }

  /**
   * The headers for an actual (not preflight) request's answer: none unless the origin is allowed.
   */
  Map<String, String> actual(String origin) {
    if (origins.isEmpty()) {
      return Map.of();
    }
    if (!admits(origin)) {
      return Map.of("Vary", "Origin");
    }
    return Map.of(
        "Access-Control-Allow-Origin",
        allowOrigin(origin),
        "Access-Control-Expose-Headers",
        EXPOSED,
        "Vary",
        "Origin");
  }

  Optional<String> describe() {
    return origins.isEmpty() ? Optional.empty() : Optional.of("CORS for " + origins);
  }
}
