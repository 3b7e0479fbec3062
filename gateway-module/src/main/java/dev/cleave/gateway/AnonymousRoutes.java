package dev.cleave.gateway;

import java.util.ArrayList;
import java.util.List;

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

  private final List<RequestPattern> entries;

  private AnonymousRoutes(List<RequestPattern> entries) {
    this.entries = List.copyOf(entries);
  }

  static AnonymousRoutes parse(String spec) {
    List<RequestPattern> entries = new ArrayList<>();
    for (String raw : spec == null ? new String[0] : spec.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      String[] parts = entry.split("\\s+");
      if (parts.length == 1) {
        parts = new String[] {"*", parts[0]};
      }
      RequestPattern pattern;
      try {
        if (parts.length != 2) {
          throw new IllegalArgumentException("not '/path' or 'METHOD /path'");
        }
        pattern = RequestPattern.of(parts[0], parts[1]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "cleave.gateway.anonymous: '" + entry + "' is not '/path' or 'METHOD /path'", e);
      }
      if (pattern.path().startsWith("/internal")) {
        throw new IllegalArgumentException(
            "cleave.gateway.anonymous: '" + entry + "' is not a public path");
      }
      entries.add(pattern);
    }
    return new AnonymousRoutes(entries);
  }

  boolean admits(String method, String path) {
    return entries.stream().anyMatch(entry -> entry.matches(method, path));
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
