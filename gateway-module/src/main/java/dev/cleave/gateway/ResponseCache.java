package dev.cleave.gateway;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The gateway's cache of public reads. What it keeps is decided by the services, through the {@code
 * Cache-Control} of their answers, and bounded by configuration:
 *
 * <ul>
 *   <li>only GET answers with status 200 on the routes of {@code cleave.gateway.cache.routes} (by
 *       default the catalog: {@code /api/v1/products}, {@code /api/v1/categories});
 *   <li>only answers that say {@code public} with a {@code max-age} (or {@code s-maxage}) above
 *       zero, and none with {@code no-store}, {@code private} or {@code no-cache}; kept for that
 *       age, at most {@code cleave.gateway.cache.max-ttl} (default 60 s);
 *   <li>keyed by route, caller scope (the token's subject, or {@code public} without one), the
 *       request's {@code Accept}, path and query, so an answer kept for one caller, route or media
 *       type is never served to another; an answer that varies on any other request header ({@code
 *       Vary}) is not kept;
 *   <li>at most {@code cleave.gateway.cache.max-entries} entries (default 10,000, least recently
 *       used go first) of at most {@code cleave.gateway.cache.max-entry-bytes} (default 256 KiB);
 *   <li>a successful write (POST, PUT, PATCH, DELETE) through a cached route drops every entry, so
 *       an administrator's product change is seen at once (it may change any cached read: a product
 *       listing, its category's count). Changes that do not pass the gateway (stock reserved by a
 *       checkout) show once the entry expires, which is why the services keep those ages short.
 * </ul>
 *
 * Entries carry a strong {@code ETag} (the service's, or a hash of the body), so a client's {@code
 * If-None-Match} gets 304. Time comes from a monotonic clock passed in, so tests are exact.
 */
final class ResponseCache {

  /**
   * A kept answer. {@code headers} are the end-to-end headers to replay, without Content-Length.
   */
  @SuppressWarnings(
      "ArrayRecordComponent") // the body is replayed as it came, never compared or hashed
  record Entry(
      List<Map.Entry<String, String>> headers,
      byte[] body,
      String etag,
      long storedAt,
      long expiresAt) {
    long ageSeconds(long now) {
      return Math.max(0, (now - storedAt) / 1_000_000_000L);
    }
  }

  private final List<String> routes;
  private final Duration maxTtl;
  private final int maxEntries;
  private final int maxEntryBytes;
  private final LongSupplier nanoClock;
  private final LinkedHashMap<String, Entry> entries;

  ResponseCache(
      List<String> routes,
      Duration maxTtl,
      int maxEntries,
      int maxEntryBytes,
      LongSupplier nanoClock) {
    this.routes = List.copyOf(routes);
    this.maxTtl = maxTtl;
    this.maxEntries = maxEntries;
    this.maxEntryBytes = maxEntryBytes;
    this.nanoClock = nanoClock;
    this.entries =
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > ResponseCache.this.maxEntries;
          }
        };
  }

  /** Whether answers on this route may be kept at all. */
  boolean covers(String routePrefix) {
    return routes.contains(routePrefix);
  }

  int maxEntryBytes() {
    return maxEntryBytes;
  }

  long now() {
    return nanoClock.getAsLong();
  }

  /**
   * The key of a read: route, caller scope, what the client accepts (a client asking for HTML must
   * get the service's 406, not a kept JSON answer), path and query.
   */
  static String key(String routePrefix, String scope, String accept, String path, String query) {
    String accepted = accept == null ? "" : accept.strip().toLowerCase(Locale.ROOT);
    return routePrefix
        + "|"
        + scope
        + "|"
        + accepted
        + "|"
        + path
        + (query == null ? "" : "?" + query);
  }

  /** The fresh entry under this key, if there is one. */
  synchronized Optional<Entry> get(String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (nanoClock.getAsLong() >= entry.expiresAt()) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  /**
   * How long an answer with this {@code Cache-Control} may be kept here; empty when it may not be
   * kept.
   */
  Optional<Duration> freshness(String cacheControl) {
    if (cacheControl == null) {
      return Optional.empty();
    }
    boolean isPublic = false;
    long maxAge = -1;
    long sharedMaxAge = -1;
    for (String raw : cacheControl.split(",")) {
      String directive = raw.strip().toLowerCase(Locale.ROOT);
      if (directive.equals("no-store")
          || directive.equals("private")
          || directive.equals("no-cache")) {
        return Optional.empty();
      }
      if (directive.equals("public")) {
        isPublic = true;
      } else if (directive.startsWith("max-age=")) {
        maxAge = seconds(directive.substring(8));
      } else if (directive.startsWith("s-maxage=")) {
        sharedMaxAge = seconds(directive.substring(9));
      }
    }
    long age = sharedMaxAge >= 0 ? sharedMaxAge : maxAge;
    if (!isPublic || age <= 0) {
      return Optional.empty();
    }
    Duration ttl = Duration.ofSeconds(age);
    return Optional.of(ttl.compareTo(maxTtl) > 0 ? maxTtl : ttl);
  }

  private static long seconds(String value) {
    try {
      return Long.parseLong(value.strip().replace("\"", ""));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  synchronized Entry put(
      String key, List<Map.Entry<String, String>> headers, byte[] body, String etag, Duration ttl) {
    long now = nanoClock.getAsLong();
    Entry entry = new Entry(List.copyOf(headers), body, etag, now, now + ttl.toNanos());
    entries.put(key, entry);
    return entry;
  }

  /**
   * Drops every entry (a write may change what any cached read shows: a product, its category's
   * count).
   */
  synchronized int purge() {
    int dropped = entries.size();
    entries.clear();
    return dropped;
  }

  synchronized int size() {
    return entries.size();
  }

  /** A strong entity tag for a body: the first 128 bits of its SHA-256, base64url, quoted. */
  static String etagOf(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16))
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether an {@code If-None-Match} value names this entity tag (weak comparison, RFC 9110
   * 13.1.2).
   */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || etag == null) {
      return false;
    }
    if (ifNoneMatch.strip().equals("*")) {
      return true;
    }
    String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if ((tag.startsWith("W/") ? tag.substring(2) : tag).equals(opaque)) {
        return true;
      }
    }
    return false;
  }
}
