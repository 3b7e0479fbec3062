package dev.cleave.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The requests the gateway lets through without a bearer token, from {@code
 * cleave.gateway.anonymous}: comma-separated {@code /path} or {@code METHOD /path} entries, where a
 * path ending in {@code /**} also matches everything below it ({@code /api/v1/products/**} matches
 * {@code /api/v1/products} and {@code /api/v1/products/7}) and any other path matches exactly. An
 * entry without a method admits every method; {@code GET} also admits {@code HEAD}. Everything not
 * listed needs a valid token at the edge; a token that is presented must be valid everywhere,
 * listed or not.
 *
 * <p>The default table lists paths, not methods, on purpose: for a path that is public for one
 * method the service itself answers the others (405 for a method it does not have, 401 for one that
 * needs a token), exactly as the monolith does; a method-specific entry would turn a 405 into a 401
 * at the edge.
 */
final class AnonymousRoutes {

  /** One entry; {@code method} is {@code *} for every method. */
  private record Entry(String method, String path, boolean below) {
    boolean matches(String requestMethod, String requestPath) {
      boolean methodMatches =
          method.equals("*")
              || method.equals(requestMethod)
              || (method.equals("GET") && requestMethod.equals("HEAD"));
      if (!methodMatches) {
        return false;
      }
      if (!below) {
        return requestPath.equals(path);
      }
      return requestPath.equals(path) || requestPath.startsWith(path + "/");
    }
  }

  private final List<Entry> entries;

  private AnonymousRoutes(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  static AnonymousRoutes parse(String spec) {
    List<Entry> entries = new ArrayList<>();
    for (String raw : spec == null ? new String[0] : spec.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      String[] parts = entry.split("\\s+");
      if (parts.length == 1) {
        parts = new String[] {"*", parts[0]};
      }
      if (parts.length != 2 || !parts[0].matches("[A-Za-z]+|\\*") || !parts[1].startsWith("/")) {
        throw new IllegalArgumentException(
            "cleave.gateway.anonymous: '" + entry + "' is not '/path' or 'METHOD /path'");
      }
      String path = parts[1];
      boolean below = path.endsWith("/**");
      if (below) {
        path = path.substring(0, path.length() - 3);
      }
      if (path.contains("*") || path.startsWith("/internal")) {
        throw new IllegalArgumentException(
            "cleave.gateway.anonymous: '" + entry + "' is not a public path");
      }
      entries.add(new Entry(parts[0].toUpperCase(Locale.ROOT), path, below));
    }
    return new AnonymousRoutes(entries);
  }

  boolean admits(String method, String path) {
    return entries.stream().anyMatch(entry -> entry.matches(method, path));
  }

  @Override
  public String toString() {
    return entries.stream()
        .map(
            e ->
                (e.method().equals("*") ? "" : e.method() + " ")
                    + e.path()
                    + (e.below() ? "/**" : ""))
        .toList()
        .toString();
  }
}
