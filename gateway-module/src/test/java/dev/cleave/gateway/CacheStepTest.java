package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CacheStepTest {

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final CacheStep step =
      new CacheStep(
          new ResponseCache(
              List.of("/api/v1/products"), Duration.ofMinutes(5), 100, 64, clock::get),
          new GatewayMetrics());

  private static UpstreamClient.Response answer(int status, String cacheControl, String body) {
    UpstreamClient.Headers headers = new UpstreamClient.Headers();
    headers.add("Content-Type", "application/json");
    if (cacheControl != null) {
      headers.add("Cache-Control", cacheControl);
    }
    return new UpstreamClient.Response(
        status, headers, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** One GET through the step: answered from the cache, or by {@code upstream} on the way back. */
  private FakeHttp.Response get(FakeHttp.Request request, UpstreamClient.Response upstream)
      throws Exception {
    FakeHttp.Response response = new FakeHttp.Response();
    EdgeExchange exchange = EdgeFixtures.exchange(request, response);
    if (step.admit(exchange)) {
      if (!step.answered(exchange, upstream)) {
        UpstreamMessages.relay(upstream, response.servlet());
      }
    }
    return response;
  }

  @Test
  void aKeepableAnswerIsKeptThenReplayedUntilItIsStale() throws Exception {
    FakeHttp.Response miss =
        get(
            new FakeHttp.Request("GET", "/api/v1/products/7"),
            answer(200, "public, max-age=60", "{}"));
    assertThat(miss.header("X-Cache")).isEqualTo("MISS");
    assertThat(miss.header("ETag")).isNotBlank();

    clock.addAndGet(Duration.ofSeconds(10).toNanos());
    FakeHttp.Response hit =
        get(new FakeHttp.Request("GET", "/api/v1/products/7"), answer(500, null, "never read"));
    assertThat(hit.header("X-Cache")).isEqualTo("HIT");
    assertThat(hit.header("Age")).isEqualTo("10");
    assertThat(hit.body()).isEqualTo("{}");

    FakeHttp.Response notModified =
        get(
            new FakeHttp.Request("GET", "/api/v1/products/7")
                .header("If-None-Match", miss.header("ETag")),
            answer(500, null, "never read"));
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();

    clock.addAndGet(Duration.ofSeconds(60).toNanos());
    FakeHttp.Response stale =
        get(
            new FakeHttp.Request("GET", "/api/v1/products/7"),
            answer(200, "public, max-age=60", "{}"));
    assertThat(stale.header("X-Cache")).isEqualTo("MISS");
  }

  @Test
  void aClientAskingForAFreshAnswerGetsTheServices() throws Exception {
    get(
        new FakeHttp.Request("GET", "/api/v1/products/7"),
        answer(200, "public, max-age=60", "{\"v\":1}"));
    FakeHttp.Response fresh =
        get(
            new FakeHttp.Request("GET", "/api/v1/products/7").header("Cache-Control", "no-cache"),
            answer(200, "public, max-age=60", "{\"v\":2}"));
    assertThat(fresh.body()).isEqualTo("{\"v\":2}");
  }

  @Test
  void whatTheServiceDoesNotLetBeKeptIsRelayedAndTooLargeIsBypassed() throws Exception {
    FakeHttp.Response noStore =
        get(new FakeHttp.Request("GET", "/api/v1/products/7"), answer(200, "no-store", "{}"));
    assertThat(noStore.header("X-Cache")).isNull();
    assertThat(noStore.body()).isEqualTo("{}");

    String large = "{\"name\":\"" + "x".repeat(100) + "\"}";
    FakeHttp.Response bypass =
        get(
            new FakeHttp.Request("GET", "/api/v1/products/8"),
            answer(200, "public, max-age=60", large));
    assertThat(bypass.header("X-Cache")).isEqualTo("BYPASS");
    assertThat(bypass.body()).isEqualTo(large);
  }

  @Test
  void copiesAreKeptPerCallerAndASuccessfulWriteEmptiesTheCache() throws Exception {
    String alice = EdgeFixtures.bearer("alice");
    get(
        new FakeHttp.Request("GET", "/api/v1/products/7").header("Authorization", alice),
        answer(200, "public, max-age=60", "{\"for\":\"alice\"}"));
    FakeHttp.Response anonymous =
        get(
            new FakeHttp.Request("GET", "/api/v1/products/7"),
            answer(200, "public, max-age=60", "{}"));
    assertThat(anonymous.header("X-Cache")).isEqualTo("MISS");
    assertThat(anonymous.body()).isEqualTo("{}");

    FakeHttp.Response write = new FakeHttp.Response();
    EdgeExchange post =
        EdgeFixtures.exchange(new FakeHttp.Request("POST", "/api/v1/products"), write);
    assertThat(step.admit(post)).isTrue();
    assertThat(step.answered(post, answer(201, null, "{}"))).isFalse();

    FakeHttp.Response afterWrite =
        get(
            new FakeHttp.Request("GET", "/api/v1/products/7"),
            answer(200, "public, max-age=60", "{}"));
    assertThat(afterWrite.header("X-Cache")).isEqualTo("MISS");
  }

  @Test
  void routesTheCacheDoesNotCoverAreLeftAlone() throws Exception {
    FakeHttp.Response response =
        get(new FakeHttp.Request("GET", "/api/v1/orders"), answer(200, "public, max-age=60", "[]"));
    assertThat(response.header("X-Cache")).isNull();
    assertThat(response.body()).isEqualTo("[]");
  }
}
