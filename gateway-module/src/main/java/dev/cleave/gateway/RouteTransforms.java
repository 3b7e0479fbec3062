package dev.cleave.gateway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the gateway changes in a route's requests and answers, declared in configuration ({@code
 * cleave.gateway.transforms}): one entry per change, {@code ROUTE VERB ARGUMENTS}, where {@code
 * ROUTE} is a route's prefix as the route table names it, or {@code *} for every route, and the
 * verb is one of
 *
 * <ul>
 *   <li>{@code set-request-header NAME VALUE}: the upstream gets this value, whatever the client
 *       sent under the name;
 *   <li>{@code remove-request-header NAME}: the client's header does not reach the upstream;
 *   <li>{@code set-response-header NAME VALUE} and {@code remove-response-header NAME}: the same
 *       for the upstream's answer on its way to the client;
 *   <li>{@code rewrite-prefix /prefix}: the route's prefix is replaced by this one in the path the
 *       upstream gets ({@code /api/v0/catalog/7} becomes {@code /api/v1/products/7}), and back in
 *       the {@code Location} and {@code Content-Location} of the answer.
 * </ul>
 *
 * Entries apply in the order written, those for {@code *} first; a later entry for the same header
 * wins. On top of them, every answer loses the headers of the response header policy ({@code
 * cleave.gateway.response-headers.remove}, by default {@code Server} and {@code X-Powered-By}: what
 * software answers is nobody's business at the edge). The headers the gateway owns (framing,
 * hop-by-hop, {@code Host}, {@code X-Forwarded-*}, {@code X-Request-Id}: what {@link
 * ForwardedHeaders} does not pass through) cannot be changed, and a prefix is never rewritten into
 * {@code /internal}: such an entry stops the gateway at start-up.
 */
final class RouteTransforms {

  private static final List<String> VERBS =
      List.of(
          "set-request-header",
          "remove-request-header",
          "set-response-header",
          "remove-response-header",
          "rewrite-prefix");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
  private final Map<String, RouteTransform> byRoute;
  private final RouteTransform everyRoute;

  private RouteTransforms(Map<String, RouteTransform> byRoute, RouteTransform everyRoute) {
    this.byRoute = Map.copyOf(byRoute);
    this.everyRoute = everyRoute;
  }

  /** No change but the response header policy's. */
  static RouteTransforms none() {
    return new RouteTransforms(Map.of(), RouteTransform.NONE);
  }

  /**
   * @param entries the {@code cleave.gateway.transforms} entries, as the class comment says
   * @param removedFromAnswers the response header policy: names every answer loses ({@code none}
   *     for nothing)
   * @param routes the prefixes of the routes the gateway has
   * @throws IllegalArgumentException naming the first entry that is malformed, names a route the
   *     gateway does not have, or touches what the gateway owns
   */
  static RouteTransforms parse(
      List<String> entries, List<String> removedFromAnswers, Set<String> routes) {
    Builder every = new Builder();
    for (String name : removedFromAnswers) {
      if (!name.isBlank() && !name.strip().equals("none")) {
        every.responseRemoved.add(
            headerName(name.strip(), "cleave.gateway.response-headers.remove"));
      }
    }
    Map<String, Builder> byRoute = new LinkedHashMap<>();
    List<String[]> routeEntries = new ArrayList<>();
    for (String raw : entries) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      String[] parts = entry.split("\\s+", 4);
      if (parts.length < 3) {
        throw malformed(entry, "is not 'ROUTE VERB ARGUMENTS'");
      }
      if (parts[0].equals("*")) {
        every.apply(parts, entry);
      } else if (routes.contains(parts[0])) {
        routeEntries.add(parts);
      } else {
        throw malformed(entry, "names no route (routes: " + String.join(", ", routes) + ", or *)");
      }
    }
    for (String[] parts : routeEntries) {
      byRoute
          .computeIfAbsent(parts[0], route -> every.copy())
          .apply(parts, String.join(" ", parts));
    }
    Map<String, RouteTransform> transforms = new LinkedHashMap<>();
    byRoute.forEach((route, builder) -> transforms.put(route, builder.build()));
    return new RouteTransforms(transforms, every.build());
  }

  /** The changes for requests on the route with this prefix. */
  RouteTransform of(String routePrefix) {
    return byRoute.getOrDefault(routePrefix, everyRoute);
  }

  private static IllegalArgumentException malformed(String entry, String why) {
    return new IllegalArgumentException("cleave.gateway.transforms: '" + entry + "' " + why);
  }

  private static String headerName(String name, String where) {
    if (!TOKEN.matcher(name).matches()) {
      throw new IllegalArgumentException(where + ": '" + name + "' is not a header name");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    // What the gateway does not pass through as sent, either way, is its own to set.
    if (!ForwardedHeaders.forwardRequestHeader(lower, Set.of())
        || !ForwardedHeaders.forwardResponseHeader(lower)) {
      throw new IllegalArgumentException(where + ": " + name + " is the gateway's to set");
    }
    return lower;
  }

  /** The changes for one route while its entries are read. */
  private static final class Builder {
    private Optional<String> rewrite = Optional.empty();
    private final Set<String> requestRemoved = new LinkedHashSet<>();
    private final Map<String, RouteTransform.Field> requestSet = new LinkedHashMap<>();
    private final Set<String> responseRemoved = new LinkedHashSet<>();
    private final Map<String, RouteTransform.Field> responseSet = new LinkedHashMap<>();

    Builder copy() {
      Builder copy = new Builder();
      copy.requestRemoved.addAll(requestRemoved);
      copy.requestSet.putAll(requestSet);
      copy.responseRemoved.addAll(responseRemoved);
      copy.responseSet.putAll(responseSet);
      return copy;
    }

    void apply(String[] parts, String entry) {
      String verb = parts[1];
      if (!VERBS.contains(verb)) {
        throw malformed(entry, "has no verb: one of " + String.join(", ", VERBS));
      }
      boolean withValue = verb.startsWith("set-");
      if (withValue != (parts.length > 3)) {
        throw malformed(entry, withValue ? "needs a value" : "takes one argument");
      }
      if (verb.equals("rewrite-prefix")) {
        rewrite(parts, entry);
        return;
      }
      String name = headerName(parts[2], "cleave.gateway.transforms: '" + entry + "'");
      String value = withValue ? parts[3].strip() : "";
      if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
        throw malformed(entry, "has a control character in its value");
      }
      boolean request = verb.endsWith("-request-header");
      Set<String> removed = request ? requestRemoved : responseRemoved;
      Map<String, RouteTransform.Field> set = request ? requestSet : responseSet;
      if (withValue) {
        removed.remove(name);
        set.put(name, new RouteTransform.Field(parts[2], value));
      } else {
        set.remove(name);
        removed.add(name);
      }
    }

    private void rewrite(String[] parts, String entry) {
      String target = parts[2];
      if (parts[0].equals("*") || parts[0].equals("/")) {
        throw malformed(entry, "rewrites no prefix of its own: name one route other than /");
      }
      if (!PREFIX.matcher(target).matches()
          || Arrays.stream(target.split("/")).anyMatch(s -> s.equals(".") || s.equals(".."))) {
        throw malformed(entry, "does not rewrite to a prefix like /api/v1/products");
      }
      String lower = target.toLowerCase(Locale.ROOT);
      if (lower.equals("/internal") || lower.startsWith("/internal/")) {
        throw malformed(entry, "rewrites into /internal, which is never routed");
      }
      rewrite = Optional.of(target);
    }

    RouteTransform build() {
      if (rewrite.isEmpty()
          && requestRemoved.isEmpty()
          && requestSet.isEmpty()
          && responseRemoved.isEmpty()
          && responseSet.isEmpty()) {
        return RouteTransform.NONE;
      }
      return new RouteTransform(
          rewrite,
          Set.copyOf(requestRemoved),
          Map.copyOf(requestSet),
          Set.copyOf(responseRemoved),
          Map.copyOf(responseSet));
    }
  }
}
