package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitStepTest {

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final RateLimitStep step =
      new RateLimitStep(
          RateLimits.parse("off", "orders /api/v1/orders/** 2/PT1M", clock::get),
          new GatewayMetrics());

  private FakeHttp.Response send(FakeHttp.Request request, boolean expectAdmitted)
      throws Exception {
    FakeHttp.Response response = new FakeHttp.Response();
    assertThat(step.admit(EdgeFixtures.exchange(request, response))).isEqualTo(expectAdmitted);
    return response;
  }

  @Test
  void aCallerOverItsQuotaIs429WithRetryAfterAndEveryAnswerCarriesThePolicy() throws Exception {
    FakeHttp.Response first = send(new FakeHttp.Request("GET", "/api/v1/orders"), true);
    assertThat(first.header("RateLimit-Policy")).isEqualTo("\"orders\";q=2;w=60");
    assertThat(first.header("RateLimit")).isEqualTo("\"orders\";r=1;t=30");
    send(new FakeHttp.Request("GET", "/api/v1/orders"), true);
    FakeHttp.Response third = send(new FakeHttp.Request("GET", "/api/v1/orders"), false);
    assertThat(third.status()).isEqualTo(429);
    assertThat(third.header("Retry-After")).isEqualTo("30");
    assertThat(third.body()).contains("Rate limit 'orders' (2 per 60 s)");
  }

  @Test
  void theCallerIsTheTokenSubjectElseTheAddressAndInvalidTokensCountByAddress() throws Exception {
    String alice = EdgeFixtures.bearer("alice");
    send(new FakeHttp.Request("GET", "/api/v1/orders").header("Authorization", alice), true);
    send(new FakeHttp.Request("GET", "/api/v1/orders").header("Authorization", alice), true);
    send(new FakeHttp.Request("GET", "/api/v1/orders").header("Authorization", alice), false);
    // Same address, no token: a bucket of its own.
    send(new FakeHttp.Request("GET", "/api/v1/orders"), true);
    // A guessed token is no subject: it counts against the address, before it is refused.
    send(
        new FakeHttp.Request("GET", "/api/v1/orders").header("Authorization", "Bearer guess"),
        true);
    send(
        new FakeHttp.Request("GET", "/api/v1/orders").header("Authorization", "Bearer guess"),
        false);
    send(new FakeHttp.Request("GET", "/api/v1/orders").from("10.0.0.8"), true);
  }

  @Test
  void aPathNoPolicyCoversGoesOnWithoutHeaders() throws Exception {
    FakeHttp.Response response = send(new FakeHttp.Request("GET", "/api/v1/products"), true);
    assertThat(response.header("RateLimit-Policy")).isNull();
  }
}
