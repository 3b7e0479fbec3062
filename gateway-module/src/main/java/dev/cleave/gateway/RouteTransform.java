package dev.cleave.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the gateway changes for one route ({@link RouteTransforms}): the prefix the upstream gets
 * instead of the route's, and the request and answer headers removed and set, by lower-case name.
 */
record RouteTransform(
    Optional<String> rewrite,
    Set<String> requestRemoved,
    Map<String, Field> requestSet,
    Set<String> responseRemoved,
    Map<String, Field> responseSet) {

  /** A header the gateway sets: its name as written in the configuration, and its value. */
  record Field(String name, String value) {}

  static final RouteTransform NONE =
      new RouteTransform(Optional.empty(), Set.of(), Map.of(), Set.of(), Map.of());

  /** The raw path the upstream gets for a raw request path on the route {@code prefix}. */
  String upstreamPath(String path, String prefix) {
    return rewrite.map(target -> target + path.substring(prefix.length())).orElse(path);
  }

  /**
   * The request headers the upstream gets, from those the client sent that may cross the gateway:
   * the removed ones and those set here dropped, those set here added.
   */
  List<Map.Entry<String, String>> requestHeaders(List<Map.Entry<String, String>> sent) {
    if (requestRemoved.isEmpty() && requestSet.isEmpty()) {
      return sent;
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>(sent.size() + requestSet.size());
    for (Map.Entry<String, String> header : sent) {
      String lower = header.getKey().toLowerCase(Locale.ROOT);
      if (!requestRemoved.contains(lower) && !requestSet.containsKey(lower)) {
        headers.add(header);
      }
    }
    requestSet.values().forEach(field -> headers.add(Map.entry(field.name(), field.value())));
    return headers;
  }

  /** Changes the upstream's answer headers, for an answer on the route {@code prefix}. */
  void answer(UpstreamClient.Headers headers, String prefix) {
    responseRemoved.forEach(headers::remove);
    responseSet.values().forEach(field -> headers.set(field.name(), field.value()));
    rewrite.ifPresent(
        target -> {
          for (String name : List.of("Location", "Content-Location")) {
            headers
                .firstValue(name)
                .ifPresent(value -> headers.set(name, locationBack(value, target, prefix)));
          }
        });
  }

  /** A location whose path starts with the rewritten prefix, with the route's prefix again. */
  private static String locationBack(String location, String target, String prefix) {
    int scheme = location.indexOf("://");
    int pathStart = scheme < 0 ? 0 : location.indexOf('/', scheme + 3);
    if (pathStart < 0) {
      return location;
    }
    String path = location.substring(pathStart);
    if (path.equals(target) || path.startsWith(target + "/") || path.startsWith(target + "?")) {
      return location.substring(0, pathStart) + prefix + path.substring(target.length());
    }
    return location;
  }
}
