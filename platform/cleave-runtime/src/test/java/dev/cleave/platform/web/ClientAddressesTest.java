package dev.cleave.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

  private static final Set<String> GATEWAY = Set.of("10.0.0.1");

  @Test
  void believesForwardedForOnlyFromATrustedProxy() {
    assertThat(ClientAddresses.resolve("203.0.113.9", "198.51.100.7", GATEWAY))
        .isEqualTo("203.0.113.9");
    assertThat(ClientAddresses.resolve("10.0.0.1", "198.51.100.7", GATEWAY))
        .isEqualTo("198.51.100.7");
    assertThat(ClientAddresses.resolve("10.0.0.1", null, GATEWAY)).isEqualTo("10.0.0.1");
  }

  @Test
  void takesTheLastHopThatIsNotATrustedProxy() {
    // A client that prepends its own "X-Forwarded-For: 1.2.3.4" cannot choose its address.
    assertThat(ClientAddresses.resolve("10.0.0.1", "1.2.3.4, 198.51.100.7", GATEWAY))
        .isEqualTo("198.51.100.7");
    assertThat(ClientAddresses.resolve("10.0.0.1", "198.51.100.7, 10.0.0.1", GATEWAY))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void stopsAtAHopThatIsNotAnAddress() {
    assertThat(ClientAddresses.resolve("10.0.0.1", "evil\nlog-line", GATEWAY))
        .isEqualTo("10.0.0.1");
    assertThat(ClientAddresses.resolve("10.0.0.1", "2001:db8::7", GATEWAY))
        .isEqualTo("2001:db8::7");
  }
}
