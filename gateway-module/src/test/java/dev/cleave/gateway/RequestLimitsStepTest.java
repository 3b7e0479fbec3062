package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestLimitsStepTest {

  private final RequestLimitsStep step = new RequestLimitsStep(200);

  @Test
  void aMalformedPathIs400WithoutEchoingIt() throws Exception {
    FakeHttp.Response response = new FakeHttp.Response();
    boolean admitted =
        step.admit(
            EdgeFixtures.exchange(
                new FakeHttp.Request("GET", "/api/v1/products/%2e%2e/orders"), response));
    assertThat(admitted).isFalse();
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo("application/problem+json");
    assertThat(response.body()).doesNotContain("\"instance\"").doesNotContain("%2e");
  }

  @Test
  void aHeaderSectionOverTheLimitIs431() throws Exception {
    FakeHttp.Response response = new FakeHttp.Response();
    boolean admitted =
        step.admit(
            EdgeFixtures.exchange(
                new FakeHttp.Request("GET", "/api/v1/products").header("X-Big", "x".repeat(200)),
                response));
    assertThat(admitted).isFalse();
    assertThat(response.status()).isEqualTo(431);
    assertThat(response.body()).contains("exceed 200 bytes");
  }

  @Test
  void aRequestWithinTheLimitsGoesOn() throws Exception {
    FakeHttp.Response response = new FakeHttp.Response();
    assertThat(
            step.admit(
                EdgeFixtures.exchange(
                    new FakeHttp.Request("GET", "/api/v1/products").header("X-Small", "x"),
                    response)))
        .isTrue();
    assertThat(response.body()).isEmpty();
  }
}
