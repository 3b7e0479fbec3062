package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Exact, because time is a counter the test moves. */
class RateLimitsTest {

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);

  private void advance(Duration by) {
    clock.addAndGet(by.toNanos());
  }

  @Test
  void aBucketAdmitsItsQuotaAtOnceThenOneTokenPerQuotaOfTheWindow() {
    TokenBucket bucket = new TokenBucket(3, Duration.ofSeconds(60), clock.get());
    assertThat(bucket.take(clock.get())).isEqualTo(new TokenBucket.Take(true, 2, 0, 20));
    assertThat(bucket.take(clock.get()).remaining()).isEqualTo(1);
    assertThat(bucket.take(clock.get())).isEqualTo(new TokenBucket.Take(true, 0, 0, 60));
    TokenBucket.Take refused = bucket.take(clock.get());
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.secondsUntilNext()).isEqualTo(20);

    advance(Duration.ofSeconds(19));
    assertThat(bucket.take(clock.get()).allowed()).isFalse();
    advance(Duration.ofSeconds(1));
    assertThat(bucket.take(clock.get()).allowed()).isTrue();
    assertThat(bucket.take(clock.get()).allowed()).isFalse();

    advance(Duration.ofHours(1));
    assertThat(bucket.isFull(clock.get())).isTrue();
    assertThat(bucket.take(clock.get()).remaining()).isEqualTo(2);
  }

  @Test
  void theFirstMatchingRuleAppliesAndEveryCallerHasABucketOfItsOwn() {
    RateLimits limits =
        RateLimits.parse(
            "100/PT1M",
            "login POST /api/v1/auth/login 2/PT1M, orders /api/v1/orders/** 50/PT1M",
            clock::get);
    assertThat(limits.take("POST", "/api/v1/auth/login", "addr:10.0.0.1").allowed()).isTrue();
    assertThat(limits.take("POST", "/api/v1/auth/login", "addr:10.0.0.1").allowed()).isTrue();
    RateLimits.Decision third = limits.take("POST", "/api/v1/auth/login", "addr:10.0.0.1");
    assertThat(third.allowed()).isFalse();
    assertThat(third.policy().policyHeader()).isEqualTo("\"login\";q=2;w=60");
    assertThat(third.rateLimitHeader()).isEqualTo("\"login\";r=0;t=60");
    assertThat(third.take().secondsUntilNext()).isEqualTo(30);

    assertThat(limits.take("POST", "/api/v1/auth/login", "addr:10.0.0.2").allowed())
        .as("another address")
        .isTrue();
    assertThat(limits.take("GET", "/api/v1/auth/login", "addr:10.0.0.1").policy().name())
        .isEqualTo("default");
    assertThat(limits.take("GET", "/api/v1/orders/7", "sub:c-1").policy().name())
        .isEqualTo("orders");
    assertThat(limits.take("GET", "/api/v1/orders", "sub:c-1").policy().name()).isEqualTo("orders");
    assertThat(limits.take("GET", "/api/v1/ordersX", "sub:c-1").policy().name())
        .isEqualTo("default");
    advance(Duration.ofSeconds(30));
    assertThat(limits.take("POST", "/api/v1/auth/login", "addr:10.0.0.1").allowed())
        .as("one token back")
        .isTrue();
  }

  @Test
  void withoutADefaultUnnamedRequestsAreNotLimited() {
    RateLimits limits = RateLimits.parse("off", "probe GET /x 1/PT1H", clock::get);
    RateLimits.Decision free = limits.take("GET", "/y", "addr:a");
    assertThat(free.allowed()).isTrue();
    assertThat(free.policy()).isNull();
    assertThat(limits.callers()).isZero();
  }

  @Test
  void badRulesStopTheGatewayAtStart() {
    assertThatThrownBy(() -> RateLimits.parse("off", "login /a", clock::get))
        .hasMessageContaining("NAME [METHOD]");
    assertThatThrownBy(() -> RateLimits.parse("off", "login POST a 3/PT1M", clock::get))
        .hasMessageContaining("NAME");
    assertThatThrownBy(() -> RateLimits.parse("off", "login /a 0/PT1M", clock::get))
        .hasMessageContaining("QUOTA/WINDOW");
    assertThatThrownBy(() -> RateLimits.parse("ten", "", clock::get))
        .hasMessageContaining("QUOTA/WINDOW");
    assertThatThrownBy(() -> RateLimits.parse("off", "x /a 5/PT0.5S", clock::get))
        .hasMessageContaining("QUOTA/WINDOW");
  }

  @Test
  void theShippedDefaultsAreStricterOnLoginRegistrationAndCheckout() throws Exception {
    Properties shipped = new Properties();
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
      shipped.load(in);
    }
    RateLimits limits =
        RateLimits.parse(
            shipped.getProperty("cleave.gateway.rate-limit.default"),
            shipped.getProperty("cleave.gateway.rate-limits"),
            clock::get);
    RateLimits.Policy fallback = limits.policyFor("GET", "/api/v1/products");
    for (String[] strict :
        new String[][] {
          {"POST", "/api/v1/auth/login"}, {"POST", "/api/v1/users"}, {"POST", "/api/v1/orders"}
        }) {
      RateLimits.Policy policy = limits.policyFor(strict[0], strict[1]);
      assertThat(policy.quota() / (double) policy.window().toSeconds())
          .as("%s %s", strict[0], strict[1])
          .isLessThan(fallback.quota() / (double) fallback.window().toSeconds());
    }
  }

  @Test
  void theCallersAddressIsTheNearestHopThatIsNoTrustedProxy() {
    Set<String> trusted = Set.of("127.0.0.1", "10.0.0.9");
    assertThat(ForwardedHeaders.clientAddress("192.0.2.7", "198.51.100.1", trusted))
        .isEqualTo("192.0.2.7");
    assertThat(ForwardedHeaders.clientAddress("127.0.0.1", "198.51.100.1", trusted))
        .isEqualTo("198.51.100.1");
    assertThat(
            ForwardedHeaders.clientAddress(
                "127.0.0.1", "203.0.113.5, 198.51.100.1, 10.0.0.9", trusted))
        .isEqualTo("198.51.100.1");
    assertThat(ForwardedHeaders.clientAddress("127.0.0.1", "10.0.0.9", trusted))
        .isEqualTo("10.0.0.9");
    assertThat(ForwardedHeaders.clientAddress("127.0.0.1", null, trusted)).isEqualTo("127.0.0.1");
  }
}
