package dev.cleave.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary a run leaves: medians with their spread over repetitions, the targets judged, the
 * plots drawn.
 */
class ResultsTest {

  @TempDir Path out;

  private static LoadRunner.Measurement measured(
      String scenario, String mode, double offered, double perSecond, double p50, long failures) {
    Map<String, Long> outcomes =
        failures == 0
            ? Map.of("201 CONFIRMED", 100L)
            : Map.of("201 CONFIRMED", 100L, "503 ?", failures);
    return new LoadRunner.Measurement(
        scenario, mode, offered, 16, 10, 100, perSecond, perSecond, outcomes, p50, p50 * 2, p50 * 4,
        p50 * 5, p50 * 6, 0);
  }

  @Test
  void summarizesRepetitionsJudgesTargetsAndDrawsThePlots() throws Exception {
    Results results = new Results(out);
    results.environment(Map.of("cores", "2"), Map.of());
    for (int rep = 1; rep <= 3; rep++) {
      results.measurement(
          rep, "monolith", measured("checkout", "closed", 0, 100 + rep * 10, 50, 0), null);
      results.measurement(rep, "split-gateway", measured("checkout", "closed", 0, 40, 90, 0), null);
      for (double fraction : Suite.FRACTIONS) {
        results.measurement(
            rep,
            "monolith",
            measured("checkout", "open", 120 * fraction, 120 * fraction, 10 + rep, 0),
            fraction);
        results.measurement(
            rep,
            "split-gateway",
            measured("checkout", "open", 120 * fraction, 120 * fraction, 15, 0),
            fraction);
      }
      results.servers(
          rep,
          "monolith",
          Map.of("monolith", Duration.ofMillis(9_000 + rep * 1000)),
          Map.of("monolith", 300.0 + rep, "postgres", 100.0),
          List.of(new ModuleCallStats.Calls("payment", "local", 10, 1.5)));
    }
    results.finish(List.of("monolith", "split-gateway"));

    String summary = Files.readString(out.resolve("summary.md"));
    assertThat(summary)
        .contains("| checkout | 120 (110–130) | 40 |")
        .contains("- monolith checkout ≥ 300 orders/s: 120 orders/s → **missed**")
        .contains("12.00 ms = 1.25× → met")
        .contains("- monolith ready within 10 s of launch: 11.0 s → **missed**")
        .contains("- monolith RSS under 400 MB after the run: 317 MB → met")
        .contains("- monolith catalog search ≥ 3,000 req/s: not measured in this run")
        .contains("| monolith | payment | local | 10 | 1.500 |");
    assertThat(out.resolve("latency-checkout.png")).isNotEmptyFile();
    assertThat(out.resolve("memory.png")).isNotEmptyFile();
    assertThat(out.resolve("saturation.png")).isNotEmptyFile();
    assertThat(Files.readAllLines(out.resolve("results.jsonl"))).hasSize(1 + 3 * 8 + 3);
    assertThat(results.allSucceeded()).isTrue();

    results.measurement(4, "monolith", measured("checkout", "closed", 0, 100, 50, 3), null);
    assertThat(results.allSucceeded()).as("one failed iteration fails the smoke run").isFalse();
  }

  @Test
  void putsTheMonolithsCheckoutBesideTheRooflineAndFailsASmokeRunWhoseRooflineFailed()
      throws Exception {
    Results results = new Results(out);
    results.environment(Map.of("cores", "2"), Map.of());
    for (int rep = 1; rep <= 3; rep++) {
      results.measurement(
          rep, "monolith", measured("checkout", "closed", 0, 50 + rep * 10, 50, 0), null);
      results.roofline(
          rep, new Roofline.Measurement(16, Duration.ofSeconds(12), 300 + rep, 50, 3600, 0));
    }
    results.finish(List.of("monolith"));

    String summary = Files.readString(out.resolve("summary.md"));
    assertThat(summary)
        .contains("| roofline (PostgreSQL alone) | 302.0 (301.0–303.0) | 50.00 |")
        .contains("| monolith checkout (saturation) | 70.0 (60.0–80.0) | |")
        .contains("**Cleave / roofline: 23 %**")
        .contains(
            "- monolith checkout ≥ 40 % of the roofline (issue 21's aim): 23 % of 302"
                + " orders/s → **missed**");
    assertThat(Files.readString(out.resolve("results.jsonl")))
        .contains(
            "{\"type\":\"roofline\",\"rep\":1,\"script\":\"bench/roofline/checkout.sql\","
                + "\"result\":{\"clients\":16,\"windowSeconds\":12,\"ordersPerSecond\":301.0,");
    assertThat(results.allSucceeded()).isTrue();

    results.roofline(4, new Roofline.Measurement(16, Duration.ofSeconds(4), 10, 50, 40, 2));
    assertThat(results.allSucceeded())
        .as("a roofline with failed checkouts (a script out of step with the schema) fails it")
        .isFalse();
  }
}
