package dev.cleave.platform.https;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.platform.https.TransportPolicy.Action;
import dev.cleave.platform.https.TransportPolicy.Http;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransportPolicyTest {

  @Test
  void offByDefaultPassesEverythingAndSendsNoHsts() {
    TransportPolicy policy = TransportPolicy.parse(null, null, null, null);
    assertThat(policy.on()).isFalse();
    assertThat(policy.decide(false, "/api/v1/products")).isEqualTo(Action.PASS);
    assertThat(policy.hstsFor(true)).isEmpty();
  }

  @Test
  void onRedirectsPlainHttpByDefaultButNotHealthProbes() {
    TransportPolicy policy = TransportPolicy.parse("on", 8443, null, null);
    assertThat(policy.http()).isEqualTo(Http.REDIRECT);
    assertThat(policy.decide(false, "/api/v1/auth/login")).isEqualTo(Action.REDIRECT);
    assertThat(policy.decide(false, "/")).isEqualTo(Action.REDIRECT);
    assertThat(policy.decide(false, "/healthz")).isEqualTo(Action.REDIRECT);
    assertThat(policy.decide(false, "/health")).isEqualTo(Action.PASS);
    assertThat(policy.decide(false, "/health/ready")).isEqualTo(Action.PASS);
    assertThat(policy.decide(true, "/api/v1/auth/login")).isEqualTo(Action.PASS);
  }

  @Test
  void refuseAndServeModes() {
    TransportPolicy refuse = TransportPolicy.parse("ON", 8443, " refuse ", null);
    assertThat(refuse.decide(false, "/gateway/releases")).isEqualTo(Action.REFUSE);
    assertThat(refuse.decide(false, "/health/live")).isEqualTo(Action.PASS);
    assertThat(refuse.decide(true, "/gateway/releases")).isEqualTo(Action.PASS);
    TransportPolicy serve = TransportPolicy.parse("on", 8443, "serve", null);
    assertThat(serve.decide(false, "/api/v1/products")).isEqualTo(Action.PASS);
  }

  @Test
  void hstsOnlyOverHttpsAndAsConfigured() {
    TransportPolicy policy = TransportPolicy.parse("on", 8443, "serve", null);
    assertThat(policy.hstsFor(true)).contains("max-age=31536000");
    assertThat(policy.hstsFor(false)).isEmpty();
    assertThat(
            TransportPolicy.parse("on", 8443, "serve", "max-age=600; includeSubDomains")
                .hstsFor(true))
        .contains("max-age=600; includeSubDomains");
    assertThat(TransportPolicy.parse("on", 8443, "serve", "none").hstsFor(true)).isEmpty();
  }

  @Test
  void theRedirectKeepsHostPathAndQueryAndBracketsIpv6() {
    TransportPolicy policy = TransportPolicy.parse("on", 8443, null, null);
    assertThat(policy.httpsLocation("shop.example", "/api/v1/products", "q=tea&page=2"))
        .isEqualTo("https://shop.example:8443/api/v1/products?q=tea&page=2");
    assertThat(policy.httpsLocation("0:0:0:0:0:0:0:1", "/", null))
        .isEqualTo("https://[0:0:0:0:0:0:0:1]:8443/");
    assertThat(policy.httpsLocation("[::1]", "/", null)).isEqualTo("https://[::1]:8443/");
    assertThat(
            TransportPolicy.parse("on", 443, null, null)
                .httpsLocation("shop.example", "/cart", null))
        .isEqualTo("https://shop.example/cart");
  }

  @Test
  void aValueThatIsNoneOfItsSettingsValuesIsRefusedByName() {
    assertThatThrownBy(() -> TransportPolicy.parse("yes", null, null, null))
        .hasMessageContaining("cleave.tls must be on or off, not 'yes'");
    assertThatThrownBy(() -> TransportPolicy.parse("on", null, "upgrade", null))
        .hasMessageContaining("cleave.tls.http must be redirect, refuse or serve, not 'upgrade'");
    assertThatThrownBy(() -> TransportPolicy.parse("on", null, null, "max-age=forever"))
        .hasMessageContaining("cleave.tls.hsts must be none or max-age=SECONDS");
    assertThatThrownBy(() -> TransportPolicy.parse("on", 0, null, null))
        .hasMessageContaining("cleave.https.port must be a port");
    assertThatThrownBy(() -> new TransportPolicy(true, 70_000, Http.SERVE, Optional.empty()))
        .hasMessageContaining("not 70000");
  }
}
