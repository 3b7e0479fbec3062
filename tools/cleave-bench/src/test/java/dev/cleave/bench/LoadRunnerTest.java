package dev.cleave.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The generator's own correctness, against a "system" that is a sleep: an open loop must charge the
 * waiting of iterations that could not start on time (no coordinated omission), a closed loop must
 * not. Bounds are loose on purpose (a busy CI machine only makes the open-loop latency larger).
 */
class LoadRunnerTest {

  private static final List<Workload.Customer> ONE =
      List.of(new Workload.Customer("a@cleave.test", "t"));

  private static Workload.Scenario takes(long millis) {
    return (customer, random) -> {
      try {
        TimeUnit.MILLISECONDS.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "200";
    };
  }

  @Test
  void anOverloadedOpenLoopCountsTheQueueingItCaused() throws Exception {
    // One customer, 20 ms per iteration, 100 due per second: half the iterations wait, longer and
    // longer.
    LoadRunner.Measurement measured =
        LoadRunner.open("slow", takes(20), ONE, 100, Duration.ZERO, Duration.ofSeconds(1));

    assertThat(measured.successPerSecond()).isLessThan(60);
    assertThat(measured.p99()).as("queueing shows in the latency").isGreaterThan(200);
    assertThat(measured.maxBacklog()).isGreaterThan(10);
  }

  @Test
  void aClosedLoopMeasuresServiceTimeAndThroughput() throws Exception {
    LoadRunner.Measurement measured =
        LoadRunner.closed("slow", takes(20), ONE, Duration.ZERO, Duration.ofSeconds(1));

    assertThat(measured.p50()).isBetween(19.0, 60.0);
    assertThat(measured.successPerSecond()).isBetween(10.0, 51.0);
    assertThat(measured.failures()).isZero();
  }

  @Test
  void failuresAreCountedByOutcome() throws Exception {
    Workload.Scenario failing =
        (customer, random) -> {
          throw new IOException("refused");
        };
    LoadRunner.Measurement measured =
        LoadRunner.open("failing", failing, ONE, 50, Duration.ZERO, Duration.ofMillis(500));

    assertThat(measured.successPerSecond()).isZero();
    assertThat(measured.failures()).isGreaterThan(5);
    assertThat(measured.outcomes()).containsOnlyKeys("error: IOException");
  }
}
