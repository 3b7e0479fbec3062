package dev.cleave.platform.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DownstreamHealthCheckTest {

  @Test
  void theStateIsTheOneWhoseTimeGrewBetweenTwoReadings() {
    Map<String, Double> first = Map.of("closed", 9.0e9, "open", 5.0e9, "halfOpen", 1.0e6);
    assertThat(
            DownstreamHealthCheck.state(
                first, Map.of("closed", 9.0e9 + 800, "open", 5.0e9, "halfOpen", 1.0e6)))
        .isEqualTo("closed");
    assertThat(
            DownstreamHealthCheck.state(
                first, Map.of("closed", 9.0e9, "open", 5.0e9 + 800, "halfOpen", 1.0e6)))
        .isEqualTo("open");
    assertThat(
            DownstreamHealthCheck.state(
                first, Map.of("closed", 9.0e9, "open", 5.0e9, "halfOpen", 1.0e6 + 800)))
        .isEqualTo("half-open");
  }

  @Test
  void aCircuitNeverCalledIsClosedAndOneThatDidNotMoveIsUnknown() {
    assertThat(DownstreamHealthCheck.state(null, null)).isEqualTo("closed");
    Map<String, Double> still = Map.of("closed", 1.0, "open", 0.0, "halfOpen", 0.0);
    assertThat(DownstreamHealthCheck.state(still, still)).isEqualTo("unknown");
  }

  @Test
  void aModuleIsAsBadAsItsWorstCircuit() {
    assertThat(DownstreamHealthCheck.worst(List.of("closed", "half-open", "closed")))
        .isEqualTo("half-open");
    assertThat(DownstreamHealthCheck.worst(List.of("half-open", "open"))).isEqualTo("open");
    assertThat(DownstreamHealthCheck.worst(List.of("closed"))).isEqualTo("closed");
  }
}
