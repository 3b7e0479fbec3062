package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Exact, because time is a counter the test moves. */
class ResponseCacheTest {

  private final AtomicLong clock = new AtomicLong(5_000_000_000L);
  private final ResponseCache cache =
      new ResponseCache(
          List.of("/api/v1/products", "/api/v1/categories"),
          Duration.ofSeconds(60),
          3,
          1024,
          clock::get);

  private ResponseCache.Entry put(String key, String body, Duration ttl) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return cache.put(
        key,
        List.of(Map.entry("Content-Type", "application/json")),
        bytes,
        ResponseCache.etagOf(bytes),
        ttl);
  }

  @Test
  void keepsOnlyWhatTheServiceMarksPublicWithAnAgeCappedByConfiguration() {
    assertThat(cache.freshness("public, max-age=10")).contains(Duration.ofSeconds(10));
    assertThat(cache.freshness("max-age=30, public")).contains(Duration.ofSeconds(30));
    assertThat(cache.freshness("public, max-age=10, s-maxage=20")).contains(Duration.ofSeconds(20));
    assertThat(cache.freshness("public, max-age=3600"))
        .as("capped")
        .contains(Duration.ofSeconds(60));
    assertThat(cache.freshness("max-age=10")).as("not public").isEmpty();
    assertThat(cache.freshness("public, max-age=0")).isEmpty();
    assertThat(cache.freshness("public, max-age=10, no-store")).isEmpty();
    assertThat(cache.freshness("private, max-age=10")).isEmpty();
    assertThat(cache.freshness("no-cache")).isEmpty();
    assertThat(cache.freshness("public, max-age=ten")).isEmpty();
    assertThat(cache.freshness(null)).isEmpty();
  }

  @Test
  void anEntryLivesForItsAgeAndNotANanosecondLonger() {
    String key =
        ResponseCache.key("/api/v1/categories", "public", null, "/api/v1/categories", null);
    put(key, "[]", Duration.ofSeconds(10));
    clock.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
    assertThat(cache.get(key)).isPresent();
    assertThat(cache.get(key).orElseThrow().ageSeconds(clock.get())).isEqualTo(9);
    clock.addAndGet(1);
    assertThat(cache.get(key)).isEmpty();
    assertThat(cache.size()).isZero();
  }

  @Test
  void theKeySeparatesRoutesCallersPathsAndQueries() {
    String anonymous =
        ResponseCache.key("/api/v1/products", "public", "*/*", "/api/v1/products", "q=lamp");
    put(anonymous, "anonymous", Duration.ofSeconds(10));
    assertThat(
            cache.get(
                ResponseCache.key(
                    "/api/v1/products", "sub:admin-1", "*/*", "/api/v1/products", "q=lamp")))
        .isEmpty();
    assertThat(
            cache.get(
                ResponseCache.key(
                    "/api/v1/products", "public", "*/*", "/api/v1/products", "q=desk")))
        .isEmpty();
    assertThat(
            cache.get(
                ResponseCache.key("/api/v1/products", "public", "*/*", "/api/v1/products", null)))
        .isEmpty();
    assertThat(
            cache.get(
                ResponseCache.key(
                    "/api/v1/categories", "public", "*/*", "/api/v1/products", "q=lamp")))
        .isEmpty();
    assertThat(
            cache.get(
                ResponseCache.key(
                    "/api/v1/products", "public", "text/html", "/api/v1/products", "q=lamp")))
        .as("another media type")
        .isEmpty();
    assertThat(
            cache.get(
                ResponseCache.key(
                    "/api/v1/products", "public", " */* ", "/api/v1/products", "q=lamp")))
        .isPresent();
    assertThat(cache.get(anonymous)).isPresent();
    assertThat(cache.covers("/api/v1/orders")).isFalse();
  }

  @Test
  void theLeastRecentlyUsedEntryGoesFirstAndAWriteDropsEverything() {
    put("a", "1", Duration.ofSeconds(10));
    put("b", "2", Duration.ofSeconds(10));
    put("c", "3", Duration.ofSeconds(10));
    cache.get("a");
    put("d", "4", Duration.ofSeconds(10));
    assertThat(cache.get("b")).as("least recently used").isEmpty();
    assertThat(cache.get("a")).isPresent();
    assertThat(cache.purge()).isEqualTo(3);
    assertThat(cache.get("a")).isEmpty();
  }

  @Test
  void entityTagsAreStableAndComparedWeakly() {
    String etag = ResponseCache.etagOf("[1,2]".getBytes(StandardCharsets.UTF_8));
    assertThat(etag)
        .isEqualTo(ResponseCache.etagOf("[1,2]".getBytes(StandardCharsets.UTF_8)))
        .startsWith("\"")
        .endsWith("\"");
    assertThat(etag).isNotEqualTo(ResponseCache.etagOf("[1,3]".getBytes(StandardCharsets.UTF_8)));
    assertThat(ResponseCache.matches(etag, etag)).isTrue();
    assertThat(ResponseCache.matches("\"other\", " + etag, etag)).isTrue();
    assertThat(ResponseCache.matches("W/" + etag, etag)).isTrue();
    assertThat(ResponseCache.matches("*", etag)).isTrue();
    assertThat(ResponseCache.matches("\"other\"", etag)).isFalse();
    assertThat(ResponseCache.matches(null, etag)).isFalse();
  }
}
