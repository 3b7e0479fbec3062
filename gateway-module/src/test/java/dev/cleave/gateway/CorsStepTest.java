package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsStepTest {

  private final CorsStep step =
      new CorsStep(
          new CorsPolicy(
              List.of("https://shop.example"),
              List.of("GET", "POST"),
              List.of("Authorization", "Content-Type"),
              Duration.ofMinutes(10)));

  private static FakeHttp.Request preflight(String origin, String method) {
    return new FakeHttp.Request("OPTIONS", "/api/v1/orders")
        .header("Origin", origin)
        .header("Access-Control-Request-Method", method);
  }

  @Test
  void anAllowedPreflightIsAnswered204ByTheGateway() throws Exception {
    FakeHttp.Response response = new FakeHttp.Response();
    assertThat(
            step.admit(EdgeFixtures.exchange(preflight("https://shop.example", "POST"), response)))
        .isFalse();
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
  }

  @Test
  void aRefusedPreflightIs403() throws Exception {
    FakeHttp.Response response = new FakeHttp.Response();
    assertThat(
            step.admit(EdgeFixtures.exchange(preflight("https://evil.example", "POST"), response)))
        .isFalse();
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body()).contains("cors-refused");
    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void anActualRequestGoesOnWithTheCorsHeadersOfAnAllowedOrigin() throws Exception {
    FakeHttp.Response allowed = new FakeHttp.Response();
    assertThat(
            step.admit(
                EdgeFixtures.exchange(
                    new FakeHttp.Request("GET", "/api/v1/products")
                        .header("Origin", "https://shop.example"),
                    allowed)))
        .isTrue();
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");

    FakeHttp.Response other = new FakeHttp.Response();
    assertThat(
            step.admit(
                EdgeFixtures.exchange(
                    new FakeHttp.Request("GET", "/api/v1/products")
                        .header("Origin", "https://evil.example"),
                    other)))
        .isTrue();
    assertThat(other.header("Access-Control-Allow-Origin")).isNull();
  }
}
