package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class IpRulesStepTest {

  private final GatewayMetrics metrics = new GatewayMetrics();
  private final IpRulesStep step =
      new IpRulesStep(IpRules.parse("", "", "allow /api/v1/admin/** 10.0.0.0/8"), metrics);

  @Test
  void aRefusedAddressIs403WithoutBeingEchoedAndIsCounted() throws Exception {
    FakeHttp.Response response = new FakeHttp.Response();
    assertThat(
            step.admit(
                EdgeFixtures.exchange(
                    new FakeHttp.Request("GET", "/api/v1/admin/orders").from("192.0.2.44"),
                    response)))
        .isFalse();
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.contentType()).isEqualTo("application/problem+json");
    assertThat(response.body()).contains("address-refused").doesNotContain("192.0.2.44");
    assertThat(metrics.scrape())
        .contains("gateway_address_refused_total{list=\"allow /api/v1/admin/**\"} 1");
  }

  @Test
  void theAddressIsTheOneTheTrustedProxyRulesDerive() throws Exception {
    FakeHttp.Response viaProxy = new FakeHttp.Response();
    EdgeExchange proxied =
        new EdgeExchange(
            new FakeHttp.Request("GET", "/api/v1/admin/orders")
                .from("10.0.0.1")
                .header("X-Forwarded-For", "192.0.2.44")
                .servlet(),
            viaProxy.servlet(),
            Set.of("10.0.0.1"),
            EdgeFixtures.AUTHENTICATION);
    assertThat(step.admit(proxied)).as("the client behind the trusted proxy").isFalse();

    FakeHttp.Response spoofed = new FakeHttp.Response();
    EdgeExchange direct =
        EdgeFixtures.exchange(
            new FakeHttp.Request("GET", "/api/v1/admin/orders")
                .from("192.0.2.44")
                .header("X-Forwarded-For", "10.0.0.5"),
            spoofed);
    assertThat(step.admit(direct)).as("an untrusted peer's X-Forwarded-For is ignored").isFalse();

    FakeHttp.Response inside = new FakeHttp.Response();
    assertThat(
            step.admit(
                EdgeFixtures.exchange(
                    new FakeHttp.Request("GET", "/api/v1/admin/orders").from("10.9.8.7"), inside)))
        .isTrue();
  }
}
