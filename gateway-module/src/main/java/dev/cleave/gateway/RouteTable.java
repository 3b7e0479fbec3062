package dev.cleave.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which upstream serves a path: the longest configured prefix that the path equals or continues
 * with a {@code /}, else the fallback upstream (the monolith, while modules are extracted one at a
 * time), else nothing. {@code /internal} and everything under it is never routed: module APIs are
 * for services.
 *
 * <p>Routes are written {@code /api/v1/products=product,/api/v1/cart=order}; each upstream name has
 * a base URL. Paths are matched as they arrive (still percent-encoded) and only after {@link
 * #violation} found nothing wrong with them, so {@code /api/v1/products/../../internal} and encoded
 * slashes never reach a route.
 */
public final class RouteTable {

  /** A routed prefix and where it goes: the upstream's name and its instances' base URLs. */
  public record Route(String prefix, String upstream, List<URI> instances) {
    public Route {
      instances = List.copyOf(instances);
    }
  }

  private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  private final List<Route> routes;
  private final Route fallback;
  private final Map<String, List<URI>> upstreams;

  private RouteTable(List<Route> routes, Route fallback, Map<String, List<URI>> upstreams) {
    this.routes = routes;
    this.fallback = fallback;
    this.upstreams = upstreams;
  }

  /**
   * Parses a routing table.
   *
   * @param routes {@code prefix=upstream} pairs separated by commas
   * @param upstreams the base URLs of each upstream's instances, by upstream name
   * @param fallback the upstream for every other path, if any
   * @throws IllegalArgumentException naming the first thing wrong, so a gateway never starts
   *     half-configured
   */
  public static RouteTable parse(
      String routes, Map<String, List<URI>> upstreams, Optional<String> fallback) {
    List<Route> parsed = new ArrayList<>();
    for (String entry : routes.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] pair = entry.strip().split("=", 2);
      if (pair.length != 2 || !PREFIX.matcher(pair[0].strip()).matches()) {
        throw new IllegalArgumentException("not a route (/prefix=upstream): " + entry.strip());
      }
      String prefix = pair[0].strip();
      if (isInternal(prefix)) {
        throw new IllegalArgumentException("/internal is never routed: " + entry.strip());
      }
      parsed.add(new Route(prefix, pair[1].strip(), instances(pair[1].strip(), upstreams)));
    }
    if (parsed.isEmpty() && fallback.isEmpty()) {
      throw new IllegalArgumentException(
          "no routes and no fallback upstream: the gateway would route nothing");
    }
    parsed.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
    Route fallbackRoute =
        fallback
            .filter(f -> !f.isBlank())
            .map(String::strip)
            .map(name -> new Route("/", name, instances(name, upstreams)))
            .orElse(null);
    Map<String, List<URI>> used = new LinkedHashMap<>();
    parsed.forEach(r -> used.put(r.upstream(), r.instances()));
    if (fallbackRoute != null) {
      used.put(fallbackRoute.upstream(), fallbackRoute.instances());
    }
    return new RouteTable(List.copyOf(parsed), fallbackRoute, Map.copyOf(used));
  }

  private static List<URI> instances(String name, Map<String, List<URI>> upstreams) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not an upstream name: " + name);
    }
    List<URI> instances = upstreams.get(name);
    if (instances == null || instances.isEmpty()) {
      throw new IllegalArgumentException(
          "upstream '" + name + "' has no URL: set cleave.gateway.upstream." + name);
    }
    for (URI uri : instances) {
      if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("upstream '" + name + "' is not an http(s) URL: " + uri);
      }
    }
    return instances;
  }

  /** The route for a raw (still encoded) request path that {@link #violation} accepted. */
  public Optional<Route> match(String rawPath) {
    if (isInternal(rawPath)) {
      return Optional.empty();
    }
    for (Route route : routes) {
      if (rawPath.equals(route.prefix()) || rawPath.startsWith(route.prefix() + "/")) {
        return Optional.of(route);
      }
    }
    return Optional.ofNullable(fallback);
  }

  /** The routes' prefixes, and {@code /} for the fallback when there is one. */
  public Set<String> prefixes() {
    Set<String> prefixes = new LinkedHashSet<>();
    routes.forEach(route -> prefixes.add(route.prefix()));
    if (fallback != null) {
      prefixes.add(fallback.prefix());
    }
    return Collections.unmodifiableSet(prefixes);
  }

  /** Every upstream a route or the fallback names, with its instances' base URLs. */
  public Map<String, List<URI>> upstreams() {
    return upstreams;
  }

  /**
   * Why a raw request path must not be forwarded, or empty: dot segments, encoded slashes,
   * backslashes, encoded percent signs (double encoding), control characters, or a path that is not
   * absolute.
   */
  public static Optional<String> violation(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      return Optional.of("the path must be absolute");
    }
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%5c") || rawPath.contains("\\")) {
      return Optional.of("encoded slashes and backslashes are not accepted in paths");
    }
    if (lower.contains("%25")) {
      return Optional.of("double-encoded paths are not accepted");
    }
    if (lower.contains("%2e") || lower.contains("%00")) {
      return Optional.of("encoded dots and NUL are not accepted in paths");
    }
    for (String segment : rawPath.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return Optional.of("dot segments are not accepted in paths");
      }
      if (segment.contains(";")) {
        return Optional.of("path parameters are not accepted");
      }
    }
    for (int i = 0; i < rawPath.length(); i++) {
      if (rawPath.charAt(i) < 0x21 || rawPath.charAt(i) == 0x7f) {
        return Optional.of("control characters are not accepted in paths");
      }
    }
    return Optional.empty();
  }

  private static boolean isInternal(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.equals("/internal") || lower.startsWith("/internal/");
  }
}
