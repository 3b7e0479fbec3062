package dev.cleave.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.launcher.DatabaseSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading pgbench's report, and what the roofline refuses before it starts pgbench. */
class RooflineTest {

  /** A report of pgbench 15 against the monolith's database (2026-12-07). */
  private static final String REPORT =
      """
      pgbench (15.18 (Debian 15.18-0+deb12u1), server 17.6)
      transaction type: bench/roofline/checkout.sql
      scaling factor: 1
      query mode: prepared
      number of clients: 16
      number of threads: 2
      maximum number of tries: 1
      duration: 15 s
      number of transactions actually processed: 4662
      number of failed transactions: 0 (0.000%)
      latency average = 51.584 ms
      initial connection time = 19.007 ms
      tps = 310.173429 (without initial connection time)
      """;

  @Test
  void readsOrdersPerSecondLatencyAndCountsFromPgbenchsReport() throws IOException {
    Roofline.Measurement measured = Roofline.parse(REPORT, 16, Duration.ofSeconds(15));

    assertThat(measured.ordersPerSecond()).isEqualTo(310.173429);
    assertThat(measured.latencyMs()).isEqualTo(51.584);
    assertThat(measured.orders()).isEqualTo(4662);
    assertThat(measured.failed()).isZero();
    assertThat(measured.json())
        .isEqualTo(
            "{\"clients\":16,\"windowSeconds\":15,\"ordersPerSecond\":310.2,"
                + "\"latencyAverageMs\":51.584,\"orders\":4662,\"failed\":0}");
  }

  @Test
  void countsFailedCheckouts() throws IOException {
    Roofline.Measurement measured =
        Roofline.parse(
            REPORT.replace(
                "number of failed transactions: 0 (0.000%)",
                "number of failed transactions: 12 (0.257%)"),
            16,
            Duration.ofSeconds(15));

    assertThat(measured.failed()).isEqualTo(12);
  }

  @Test
  void refusesOutputThatIsNotAReport() {
    assertThatThrownBy(
            () ->
                Roofline.parse(
                    "pgbench: error: connection to server failed", 16, Duration.ofSeconds(4)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a pgbench report")
        .hasMessageContaining("connection to server failed");
  }

  @Test
  void refusesProductIdsWithGaps() {
    DatabaseSettings database = new DatabaseSettings("localhost", 1, "cleave", "postgres", "x");

    assertThatThrownBy(() -> Roofline.run(database, List.of(5L, 6L, 8L), 16, Duration.ofSeconds(4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("consecutive product ids");
  }
}
