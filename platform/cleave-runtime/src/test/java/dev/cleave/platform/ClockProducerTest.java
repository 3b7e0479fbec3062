package dev.cleave.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class ClockProducerTest {

  @Test
  void theDeployablesClockIsUtcInWholeMicroseconds() {
    Clock clock = new ClockProducer().clock();

    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    for (int i = 0; i < 1_000; i++) {
      Instant now = clock.instant();
      assertThat(now).as("taken to the microsecond").isEqualTo(now.truncatedTo(ChronoUnit.MICROS));
    }
  }
}
