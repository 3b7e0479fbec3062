package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

  private final CorsPolicy shop =
      new CorsPolicy(
          List.of("https://shop.example"),
          List.of("GET", "POST"),
          List.of("Authorization", "Content-Type"),
          Duration.ofMinutes(10));

  @Test
  void aPreflightFromAnAllowedOriginGetsItsGrants() {
    CorsPolicy.Preflight granted =
        shop.preflight("https://shop.example", "POST", "authorization, Content-Type");
    assertThat(granted.allowed()).isTrue();
    assertThat(granted.headers())
        .containsEntry("Access-Control-Allow-Origin", "https://shop.example")
        .containsEntry("Access-Control-Allow-Methods", "GET, POST")
        .containsEntry("Access-Control-Allow-Headers", "authorization, content-type")
        .containsEntry("Access-Control-Max-Age", "600")
        .doesNotContainKey("Access-Control-Allow-Credentials");
  }

  @Test
  void aPreflightIsRefusedForAnotherOriginMethodOrHeader() {
    assertThat(shop.preflight("https://evil.example", "GET", null).reason()).contains("origin");
    assertThat(shop.preflight("https://shop.example.evil", "GET", null).allowed()).isFalse();
    assertThat(shop.preflight("https://shop.example", "DELETE", null).reason()).contains("method");
    assertThat(shop.preflight("https://shop.example", "GET", "X-Secret").reason())
        .contains("header x-secret");
  }

  @Test
  void actualRequestsGetTheOriginAndExposedHeadersOnlyWhenAllowed() {
    assertThat(shop.actual("https://shop.example"))
        .containsEntry("Access-Control-Allow-Origin", "https://shop.example")
        .containsEntry("Vary", "Origin")
        .containsKey("Access-Control-Expose-Headers");
    assertThat(shop.actual("https://evil.example")).containsOnlyKeys("Vary");
    assertThat(shop.actual(null)).containsOnlyKeys("Vary");
    CorsPolicy none = new CorsPolicy(List.of(), List.of("GET"), List.of(), Duration.ofMinutes(1));
    assertThat(none.actual("https://shop.example")).isEmpty();
    assertThat(none.preflight("https://shop.example", "GET", null).allowed()).isFalse();
    CorsPolicy any = new CorsPolicy(List.of("*"), List.of("GET"), List.of(), Duration.ofMinutes(1));
    assertThat(any.actual("https://anything.example"))
        .containsEntry("Access-Control-Allow-Origin", "*");
  }

  @Test
  void onlyAnOptionsRequestWithOriginAndRequestedMethodIsAPreflight() {
    assertThat(CorsPolicy.isPreflight("OPTIONS", "https://shop.example", "POST")).isTrue();
    assertThat(CorsPolicy.isPreflight("OPTIONS", null, "POST")).isFalse();
    assertThat(CorsPolicy.isPreflight("OPTIONS", "https://shop.example", null)).isFalse();
    assertThat(CorsPolicy.isPreflight("GET", "https://shop.example", "POST")).isFalse();
  }
}
