package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayConfigTest {

  @Test
  void aDurationIsReadAsIso8601() {
    assertThat(GatewayConfig.duration("cleave.gateway.upstream-timeout", " PT0.5S "))
        .isEqualTo(Duration.ofMillis(500));
  }

  @ParameterizedTest
  @ValueSource(strings = {"15s", "15", "", "PT", "P1Y"})
  void aMalformedDurationStopsTheGatewayNamingItsKey(String value) {
    assertThatThrownBy(() -> GatewayConfig.duration("cleave.gateway.upstream-timeout", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cleave.gateway.upstream-timeout")
        .hasMessageContaining("ISO-8601 duration");
  }
}
