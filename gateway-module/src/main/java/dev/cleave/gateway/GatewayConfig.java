package dev.cleave.gateway;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The gateway's configuration, read once at start-up from MicroProfile Config (environment
 * variables in upper case with underscores: {@code cleave.gateway.upstream.product} = {@code
 * CLEAVE_GATEWAY_UPSTREAM_PRODUCT}).
 *
 * <ul>
 *   <li>{@code cleave.gateway.routes}: {@code /prefix=upstream} pairs, comma-separated (the split
 *       system's table is the default, in {@code META-INF/microprofile-config.properties});
 *   <li>{@code cleave.gateway.upstream.<name>}: each upstream's base URL, or several
 *       (comma-separated) for instances to balance over ({@link UpstreamPool}: {@code
 *       cleave.gateway.lb.eject-after}, {@code cleave.gateway.lb.cool-down});
 *   <li>{@code cleave.gateway.fallback-upstream}: where every other path goes (the monolith, when
 *       modules are extracted one at a time); none in the split system;
 *   <li>{@code cleave.gateway.trusted-proxies}: addresses whose {@code X-Forwarded-For} is kept;
 *   <li>{@code cleave.gateway.upstream-timeout} (default {@code PT15S}) and {@code
 *       cleave.gateway.max-body-bytes} (default 1 MiB, beyond it 413), and {@code
 *       cleave.gateway.max-header-bytes} (default 16 KiB of header fields, beyond it 431);
 *   <li>edge authentication ({@link EdgeAuthentication}): {@code cleave.gateway.anonymous}, the
 *       requests that need no token ({@link AnonymousRoutes}); and the services' own token
 *       settings: {@code cleave.jwt.public.key.location} (required: a file of PEM blocks or a
 *       JWKS), {@code cleave.jwt.service-keys.location}, {@code cleave.jwt.issuer} (default {@code
 *       https://cleave.dev/user}), {@code cleave.jwt.audiences} (default {@code cleave}) and {@code
 *       cleave.gateway.token-clock-skew} (default {@code PT60S}, as the services);
 *   <li>rate limits ({@link RateLimits}): {@code cleave.gateway.rate-limit.default} and {@code
 *       cleave.gateway.rate-limits};
 *   <li>CORS ({@link CorsPolicy}): {@code cleave.gateway.cors.*};
 *   <li>the response cache ({@link ResponseCache}): {@code cleave.gateway.cache.*};
 *   <li>IP allow and deny lists ({@link IpRules}): {@code cleave.gateway.ip.allow}, {@code
 *       cleave.gateway.ip.deny} and {@code cleave.gateway.ip.rules};
 *   <li>what the gateway changes in a route's requests and answers ({@link RouteTransforms}):
 *       {@code cleave.gateway.transforms} and {@code cleave.gateway.response-headers.remove};
 *   <li>releases per route ({@link Releases}): {@code cleave.gateway.releases} and {@code
 *       cleave.gateway.shadows};
 *   <li>{@code cleave.gateway.dns-refresh} (default {@code PT5S}): how often upstream host names
 *       are resolved again ({@link UpstreamPool});
 *   <li>{@code cleave.gateway.aggregation-timeout} (default {@code PT3S}): how long each part of a
 *       composite view ({@link OrderDetailsView}) may take before it is left out.
 * </ul>
 */
record GatewayConfig(
    RouteTable routes,
    Set<String> trustedProxies,
    Duration upstreamTimeout,
    int maxBodyBytes,
    int maxHeaderBytes,
    EdgeAuthentication authentication,
    RateLimits rateLimits,
    CorsPolicy cors,
    ResponseCache cache,
    IpRules ipRules,
    RouteTransforms transforms,
    Releases releases,
    int ejectAfter,
    Duration coolDown,
    Duration dnsRefresh,
    Duration aggregationTimeout) {

  /**
   * Why the IP lists refuse this request to one of the gateway's own paths ({@code /metrics},
   * {@code /gateway/releases}), for the client address the trusted-proxy rules derive; or empty.
   */
  Optional<String> addressRefusal(HttpServletRequest request, String path) {
    return ipRules.refusal(
        request.getMethod(),
        path,
        ForwardedHeaders.clientAddress(
            request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies));
  }

  static GatewayConfig from(Config config) {
    String routes = config.getOptionalValue("cleave.gateway.routes", String.class).orElse("");
    Optional<String> fallback =
        config.getOptionalValue("cleave.gateway.fallback-upstream", String.class);
    Map<String, List<URI>> upstreams = new HashMap<>();
    String releases = config.getOptionalValue("cleave.gateway.releases", String.class).orElse("");
    String shadows = config.getOptionalValue("cleave.gateway.shadows", String.class).orElse("");
    for (String name : upstreamNames(routes, fallback, releases + "," + shadows)) {
      config
          .getOptionalValue("cleave.gateway.upstream." + name, String.class)
          .ifPresent(
              urls ->
                  upstreams.put(
                      name,
                      Arrays.stream(urls.split(","))
                          .map(String::strip)
                          .filter(u -> !u.isEmpty())
                          .map(url -> URI.create(url.replaceAll("/+$", "")))
                          .toList()));
    }
    Set<String> trusted =
        config
            .getOptionalValues("cleave.gateway.trusted-proxies", String.class)
            .orElse(List.of())
            .stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    Duration timeout = duration(config, "cleave.gateway.upstream-timeout", "PT15S");
    int maxBody =
        config.getOptionalValue("cleave.gateway.max-body-bytes", Integer.class).orElse(1 << 20);
    RateLimits limits =
        RateLimits.parse(
            config
                .getOptionalValue("cleave.gateway.rate-limit.default", String.class)
                .orElse("off"),
            config.getOptionalValue("cleave.gateway.rate-limits", String.class).orElse(""),
            System::nanoTime);
    int maxHeaders =
        config.getOptionalValue("cleave.gateway.max-header-bytes", Integer.class).orElse(16 * 1024);
    RouteTable table = RouteTable.parse(routes, upstreams, fallback);
    return new GatewayConfig(
        table,
        trusted,
        timeout,
        maxBody,
        maxHeaders,
        EdgeAuthentication.from(config),
        limits,
        cors(config),
        cache(config),
        IpRules.parse(
            config.getOptionalValue("cleave.gateway.ip.allow", String.class).orElse(""),
            config.getOptionalValue("cleave.gateway.ip.deny", String.class).orElse(""),
            config.getOptionalValue("cleave.gateway.ip.rules", String.class).orElse("")),
        RouteTransforms.parse(
            config.getOptionalValues("cleave.gateway.transforms", String.class).orElse(List.of()),
            config
                .getOptionalValues("cleave.gateway.response-headers.remove", String.class)
                .orElse(List.of("Server", "X-Powered-By")),
            table.prefixes()),
        Releases.parse(releases, shadows, table, upstreams),
        config.getOptionalValue("cleave.gateway.lb.eject-after", Integer.class).orElse(3),
        duration(config, "cleave.gateway.lb.cool-down", "PT10S"),
        positive(
            duration(config, "cleave.gateway.dns-refresh", "PT5S"), "cleave.gateway.dns-refresh"),
        duration(config, "cleave.gateway.aggregation-timeout", "PT3S"));
  }

  private static Duration positive(Duration duration, String key) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(key + " must be positive: " + duration);
    }
    return duration;
  }

  /** The duration a key is set to, or its default. */
  static Duration duration(Config config, String key, String fallback) {
    return duration(key, config.getOptionalValue(key, String.class).orElse(fallback));
  }

  /**
   * @throws IllegalArgumentException naming the key, when the value is not an ISO-8601 duration
   */
  static Duration duration(String key, String value) {
    try {
      return Duration.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          key + " is not an ISO-8601 duration such as PT15S or PT0.5S: '" + value + "'", e);
    }
  }

  private static ResponseCache cache(Config config) {
    return new ResponseCache(
        config
            .getOptionalValues("cleave.gateway.cache.routes", String.class)
            .orElse(List.of("/api/v1/products", "/api/v1/categories"))
            .stream()
            .map(String::strip)
            .toList(),
        duration(config, "cleave.gateway.cache.max-ttl", "PT60S"),
        config.getOptionalValue("cleave.gateway.cache.max-entries", Integer.class).orElse(10_000),
        config
            .getOptionalValue("cleave.gateway.cache.max-entry-bytes", Integer.class)
            .orElse(256 * 1024),
        System::nanoTime);
  }

  private static CorsPolicy cors(Config config) {
    return new CorsPolicy(
        config
            .getOptionalValues("cleave.gateway.cors.allowed-origins", String.class)
            .orElse(List.of()),
        config
            .getOptionalValues("cleave.gateway.cors.allowed-methods", String.class)
            .orElse(List.of("GET", "HEAD", "POST", "PUT", "DELETE")),
        config
            .getOptionalValues("cleave.gateway.cors.allowed-headers", String.class)
            .orElse(
                List.of(
                    "Authorization",
                    "Content-Type",
                    "Idempotency-Key",
                    "If-None-Match",
                    "X-Request-Id")),
        duration(config, "cleave.gateway.cors.max-age", "PT10M"));
  }

  /** The upstreams the routes, the fallback and the releases and shadows name. */
  private static Set<String> upstreamNames(
      String routes, Optional<String> fallback, String releases) {
    Set<String> names = new HashSet<>();
    for (String entry : routes.split(",")) {
      int at = entry.indexOf('=');
      if (at > 0) {
        names.add(entry.substring(at + 1).strip());
      }
    }
    for (String entry : releases.split(",")) {
      String[] parts = entry.strip().split("\\s+");
      if (parts.length > 1) {
        names.add(parts[1]);
      }
    }
    fallback.map(String::strip).filter(f -> !f.isEmpty()).ifPresent(names::add);
    return names;
  }
}
