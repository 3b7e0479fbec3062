package dev.cleave.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * Releases per route: a candidate upstream beside the route's own (the stable one), and the share
 * of callers it gets. Configured by {@code cleave.gateway.releases}, comma-separated {@code ROUTE
 * CANDIDATE PERCENT} ({@code /api/v1/products product-v2 5} is a 5 % canary; 100 is blue/green
 * switched to the new colour), and {@code cleave.gateway.shadows}, {@code ROUTE UPSTREAM PERCENT}:
 * that share of the route's idempotent requests is also sent to the upstream, its answer dropped.
 *
 * <p>A caller stays on one version: the choice is a hash of the caller (the token's subject, else
 * the client address) and the route, below the percentage or not, so moving the percentage moves
 * only the callers between the old and new figure. A tester picks a version with the request header
 * {@value #OVERRIDE} ({@code stable} or {@code candidate}). The percentage can be changed while the
 * gateway runs ({@link ReleasesServlet}); the configuration is what it starts with.
 */
final class Releases {

  /** The request header with which a tester picks a version. */
  static final String OVERRIDE = "X-Cleave-Release";

  /** One route's release. */
  static final class Release {
    private final String route;
    private final String candidate;
    private final AtomicInteger percent;

    Release(String route, String candidate, int percent) {
      this.route = route;
      this.candidate = candidate;
      this.percent = new AtomicInteger(percent);
    }

    String route() {
      return route;
    }

    String candidate() {
      return candidate;
    }

    int percent() {
      return percent.get();
    }

    void percent(int share) {
      percent.set(checked(share));
    }

    /** Whether this caller's request goes to the candidate. */
    boolean picksCandidate(String caller, String override) {
      if ("candidate".equalsIgnoreCase(override)) {
        return true;
      }
      if ("stable".equalsIgnoreCase(override)) {
        return false;
      }
      return bucket(caller + "|" + route) < percent.get();
    }
  }

  /**
   * A share of a route's idempotent requests copied to another upstream. Which requests is left to
   * chance, not to anything the client sends (a request id it chose would let it have every one of
   * its requests copied).
   */
  record Shadow(String route, String upstream, int percent) {
    /** Whether the request that drew this roll, uniform in 0 to 99, is copied. */
    boolean picks(int roll) {
      return roll < percent;
    }
  }

  private final Map<String, Release> releases;
  private final Map<String, Shadow> shadows;
  private final Map<String, List<URI>> upstreams;

  private Releases(
      Map<String, Release> releases,
      Map<String, Shadow> shadows,
      Map<String, List<URI>> upstreams) {
    this.releases = Map.copyOf(releases);
    this.shadows = Map.copyOf(shadows);
    this.upstreams = Map.copyOf(upstreams);
  }

  static Releases none() {
    return new Releases(Map.of(), Map.of(), Map.of());
  }

  /**
   * @param releaseSpec the {@code cleave.gateway.releases} entries
   * @param shadowSpec the {@code cleave.gateway.shadows} entries
   * @param routes the gateway's routes
   * @param urls the base URLs of every configured upstream, by name
   * @throws IllegalArgumentException naming the entry that is malformed, names a route the gateway
   *     does not have, or an upstream without a URL
   */
  static Releases parse(
      String releaseSpec, String shadowSpec, RouteTable routes, Map<String, List<URI>> urls) {
    Map<String, Release> releases = new LinkedHashMap<>();
    Map<String, Shadow> shadows = new LinkedHashMap<>();
    Map<String, List<URI>> used = new LinkedHashMap<>();
    for (String[] entry : entries("cleave.gateway.releases", releaseSpec, routes, urls)) {
      if (releases.put(entry[0], new Release(entry[0], entry[1], Integer.parseInt(entry[2])))
          != null) {
        throw new IllegalArgumentException(
            "cleave.gateway.releases: route " + entry[0] + " has two releases");
      }
      used.put(entry[1], urls.get(entry[1]));
    }
    for (String[] entry : entries("cleave.gateway.shadows", shadowSpec, routes, urls)) {
      shadows.put(entry[0], new Shadow(entry[0], entry[1], Integer.parseInt(entry[2])));
      used.put(entry[1], urls.get(entry[1]));
    }
    return new Releases(releases, shadows, used);
  }

  /** The entries of one key as {@code [route, upstream, percent]}, each checked. */
  private static List<String[]> entries(
      String key, String spec, RouteTable routes, Map<String, List<URI>> urls) {
    List<String[]> entries = new ArrayList<>();
    for (String raw : spec.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      String[] parts = entry.split("\\s+");
      if (parts.length != 3 || !parts[2].matches("\\d{1,3}")) {
        throw new IllegalArgumentException(
            key + ": '" + entry + "' is not 'ROUTE UPSTREAM PERCENT'");
      }
      if (!routes.prefixes().contains(parts[0])) {
        throw new IllegalArgumentException(key + ": '" + entry + "' names no route");
      }
      if (urls.getOrDefault(parts[1], List.of()).isEmpty()) {
        throw new IllegalArgumentException(
            key
                + ": '"
                + entry
                + "' names upstream "
                + parts[1]
                + " without a URL: set cleave.gateway.upstream."
                + parts[1]);
      }
      try {
        checked(Integer.parseInt(parts[2]));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(key + ": '" + entry + "': " + e.getMessage(), e);
      }
      entries.add(parts);
    }
    return entries;
  }

  private static int checked(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("a percentage is 0 to 100, not " + percent);
    }
    return percent;
  }

  /** A key's place among 100 buckets, the same for the same key on every gateway instance. */
  static int bucket(String key) {
    CRC32C crc = new CRC32C();
    crc.update(key.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % 100);
  }

  Optional<Release> of(String route) {
    return Optional.ofNullable(releases.get(route));
  }

  Optional<Shadow> shadowOf(String route) {
    return Optional.ofNullable(shadows.get(route));
  }

  Collection<Release> all() {
    return releases.values();
  }

  Collection<Shadow> shadows() {
    return shadows.values();
  }

  /** The candidate and shadow upstreams with their base URLs, for the balancer's pools. */
  Map<String, List<URI>> upstreams() {
    return upstreams;
  }
}
