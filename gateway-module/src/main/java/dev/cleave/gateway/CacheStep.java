package dev.cleave.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the {@link ResponseCache} to the routes it covers. On the way in, a GET is answered from
 * a fresh copy ({@code X-Cache: HIT}, {@code Age}, 304 for a matching {@code If-None-Match}) unless
 * the client asks for a fresh answer ({@code Cache-Control: no-cache} or {@code max-age=0}). On the
 * way back, a 200 the service lets be kept ({@code Cache-Control: public} with an age, no {@code
 * Set-Cookie}, no {@code Vary} beyond what the key holds) is stored and sent ({@code MISS}; {@code
 * BYPASS} when too large to keep), and a successful unsafe request empties the cache, since it may
 * have changed what the copies show. Copies are keyed by the token's subject, so no caller sees
 * another's.
 */
final class CacheStep implements EdgeStep {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /** Request headers the cache key already holds, so an answer that varies on them may be kept. */
  private static final Set<String> KEYED = Set.of("accept", "authorization", "origin");

  /** Headers the cache sets itself when it answers. */
  private static final Set<String> CACHE_SETS = Set.of("etag", "age", "date", "x-cache");

  private final ResponseCache cache;
  private final GatewayMetrics metrics;

  CacheStep(ResponseCache cache, GatewayMetrics metrics) {
    this.cache = cache;
    this.metrics = metrics;
  }

  @Override
  public boolean admit(EdgeExchange exchange) throws IOException {
    if (!exchange.method().equals("GET") || !cache.covers(exchange.routeName())) {
      return true;
    }
    HttpServletRequest request = exchange.request();
    String key =
        ResponseCache.key(
            // A release's versions may answer differently: each keeps copies of its own.
            exchange.routeName() + "@" + exchange.route().upstream(),
            exchange.access().subject().map(subject -> "sub:" + subject).orElse("public"),
            request.getHeader("Accept"),
            exchange.path(),
            request.getQueryString());
    exchange.cacheAs(key);
    Optional<ResponseCache.Entry> hit = wantsFresh(request) ? Optional.empty() : cache.get(key);
    metrics.cache(exchange.routeName(), hit.isPresent() ? "hit" : "miss");
    if (hit.isEmpty()) {
      return true;
    }
    replay(hit.get(), exchange, "HIT");
    return false;
  }

  @Override
  public boolean answered(EdgeExchange exchange, UpstreamClient.Response answer)
      throws IOException {
    if (!SAFE_METHODS.contains(exchange.method())
        && cache.covers(exchange.routeName())
        && answer.statusCode() / 100 == 2) {
      metrics.cachePurged(exchange.routeName(), cache.purge());
    }
    Optional<String> key = exchange.cacheKey();
    return key.isPresent() && answer.statusCode() == 200 && keep(answer, key.get(), exchange);
  }

  private static boolean wantsFresh(HttpServletRequest request) {
    String control = request.getHeader("Cache-Control");
    return control != null && (control.contains("no-cache") || control.contains("max-age=0"));
  }

  /**
   * Keeps the answer if the service allows it and it is small enough, and sends it to the client;
   * returns false (having sent nothing) when it may not be kept.
   */
  private boolean keep(UpstreamClient.Response answer, String key, EdgeExchange exchange)
      throws IOException {
    Optional<Duration> ttl =
        cache.freshness(answer.headers().firstValue("Cache-Control").orElse(null));
    if (ttl.isEmpty()
        || answer.headers().firstValue("Set-Cookie").isPresent()
        || answer.headers().allValues("Vary").stream()
            .flatMap(v -> Arrays.stream(v.split(",")))
            .map(h -> h.strip().toLowerCase(Locale.ROOT))
            .anyMatch(h -> !h.isEmpty() && !KEYED.contains(h))) {
      return false;
    }
    byte[] body = readAll(answer);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (ForwardedHeaders.forwardResponseHeader(name) && !CACHE_SETS.contains(name)) {
        header.getValue().forEach(value -> headers.add(Map.entry(header.getKey(), value)));
      }
    }
    String etag = answer.headers().firstValue("ETag").orElseGet(() -> ResponseCache.etagOf(body));
    boolean tooLarge = body.length > cache.maxEntryBytes();
    ResponseCache.Entry entry =
        tooLarge
            ? new ResponseCache.Entry(headers, body, etag, 0, 0)
            : cache.put(key, headers, body, etag, ttl.get());
    replay(entry, exchange, tooLarge ? "BYPASS" : "MISS");
    return true;
  }

  /** The answer's body; the first bytes past the entry limit show it is too large to keep. */
  private byte[] readAll(UpstreamClient.Response answer) throws IOException {
    try (InputStream in = answer.body()) {
      byte[] head = in.readNBytes(cache.maxEntryBytes() + 1);
      if (head.length <= cache.maxEntryBytes()) {
        return head;
      }
      byte[] rest = in.readAllBytes();
      byte[] whole = Arrays.copyOf(head, head.length + rest.length);
      System.arraycopy(rest, 0, whole, head.length, rest.length);
      return whole;
    }
  }

  private void replay(ResponseCache.Entry entry, EdgeExchange exchange, String cacheStatus)
      throws IOException {
    HttpServletResponse response = exchange.response();
    entry.headers().forEach(header -> response.addHeader(header.getKey(), header.getValue()));
    response.setHeader("ETag", entry.etag());
    response.setHeader("X-Cache", cacheStatus);
    if (cacheStatus.equals("HIT")) {
      response.setHeader("Age", Long.toString(entry.ageSeconds(cache.now())));
    }
    if (ResponseCache.matches(exchange.request().getHeader("If-None-Match"), entry.etag())) {
      response.setStatus(304);
      return;
    }
    response.setStatus(200);
    response.setContentLength(entry.body().length);
    response.getOutputStream().write(entry.body());
  }
}
