package dev.cleave.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The gateway's configuration, read once at start-up from MicroProfile Config (environment variables
 * in upper case with underscores: {@code cleave.gateway.upstream.product} = {@code CLEAVE_GATEWAY_UPSTREAM_PRODUCT}).
 *
 * <ul>
 *   <li>{@code cleave.gateway.routes}: {@code /prefix=upstream} pairs, comma-separated (the split
 *       system's table is the default, in {@code META-INF/microprofile-config.properties});</li>
 *   <li>{@code cleave.gateway.upstream.<name>}: each upstream's base URL;</li>
 *   <li>{@code cleave.gateway.fallback-upstream}: where every other path goes (the monolith, when
 *       modules are extracted one at a time); none in the split system;</li>
 *   <li>{@code cleave.gateway.trusted-proxies}: addresses whose {@code X-Forwarded-For} is kept;</li>
 *   <li>{@code cleave.gateway.upstream-timeout} (default {@code PT15S}) and
 *       {@code cleave.gateway.max-body-bytes} (default 1 MiB).</li>
 * </ul>
 */
record GatewaySettings(RouteTable routes, Set<String> trustedProxies, Duration upstreamTimeout, int maxBodyBytes) {

  static GatewaySettings from(Config config) {
    String routes = config.getOptionalValue("cleave.gateway.routes", String.class).orElse("");
    Optional<String> fallback = config.getOptionalValue("cleave.gateway.fallback-upstream", String.class);
    Map<String, URI> upstreams = new HashMap<>();
    for (String name : upstreamNames(routes, fallback)) {
      config.getOptionalValue("cleave.gateway.upstream." + name, String.class)
          .ifPresent(url -> upstreams.put(name, URI.create(url.strip().replaceAll("/+$", ""))));
    }
    Set<String> trusted = config.getOptionalValues("cleave.gateway.trusted-proxies", String.class).orElse(List.of())
        .stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    Duration timeout = Duration.parse(config.getOptionalValue("cleave.gateway.upstream-timeout", String.class)
        .orElse("PT15S"));
    int maxBody = config.getOptionalValue("cleave.gateway.max-body-bytes", Integer.class).orElse(1 << 20);
    return new GatewaySettings(RouteTable.parse(routes, upstreams, fallback), trusted, timeout, maxBody);
  }

  private static Set<String> upstreamNames(String routes, Optional<String> fallback) {
    Set<String> names = new java.util.HashSet<>();
    for (String entry : routes.split(",")) {
      int at = entry.indexOf('=');
      if (at > 0) {
        names.add(entry.substring(at + 1).strip());
      }
    }
    fallback.map(String::strip).filter(f -> !f.isEmpty()).ifPresent(names::add);
    return names;
  }
}
