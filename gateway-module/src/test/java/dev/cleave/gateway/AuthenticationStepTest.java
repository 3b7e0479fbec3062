package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthenticationStepTest {

  private final AuthenticationStep step = new AuthenticationStep(new GatewayMetrics());

  @Test
  void aProtectedPathWithoutATokenIs401WithTheBearerChallenge() throws Exception {
    FakeHttp.Response response = new FakeHttp.Response();
    assertThat(
            step.admit(
                EdgeFixtures.exchange(new FakeHttp.Request("GET", "/api/v1/orders"), response)))
        .isFalse();
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"cleave\"");
    assertThat(response.contentType()).isEqualTo("application/problem+json");
  }

  @Test
  void anInvalidTokenIsRefusedEvenOnAnAnonymousPathAndNeverEchoed() throws Exception {
    String forged = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2ln";
    FakeHttp.Response response = new FakeHttp.Response();
    assertThat(
            step.admit(
                EdgeFixtures.exchange(
                    new FakeHttp.Request("GET", "/api/v1/products").header("Authorization", forged),
                    response)))
        .isFalse();
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate"))
        .isEqualTo("Bearer realm=\"cleave\", error=\"invalid_token\"");
    assertThat(response.body()).doesNotContain("eyJ");
  }

  @Test
  void aValidTokenOrAnAnonymousPathGoesOn() throws Exception {
    FakeHttp.Response response = new FakeHttp.Response();
    assertThat(
            step.admit(
                EdgeFixtures.exchange(
                    new FakeHttp.Request("GET", "/api/v1/orders")
                        .header("Authorization", EdgeFixtures.bearer("alice")),
                    response)))
        .isTrue();
    assertThat(
            step.admit(
                EdgeFixtures.exchange(new FakeHttp.Request("GET", "/api/v1/products"), response)))
        .isTrue();
    assertThat(response.body()).isEmpty();
  }
}
