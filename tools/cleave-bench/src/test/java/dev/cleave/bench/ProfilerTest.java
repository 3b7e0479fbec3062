package dev.cleave.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiling a running JVM the way the suite profiles a server: this test's own JVM, recorded by
 * {@code jcmd} while it hashes strings in a dev.cleave class, then read back.
 */
class ProfilerTest {

  @TempDir Path directory;

  @Test
  void recordsAJvmAndAttributesItsCpuSamplesToTheCodeThatRan() throws Exception {
    long pid = ProcessHandle.current().pid();
    Path recording = directory.resolve("profile-test.jfr");

    Profiler.start(pid, Duration.ZERO);
    long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    long sink = 0;
    while (System.nanoTime() < end) {
      sink += Busy.work();
    }
    Profiler.stop(pid, recording);
    Profiler.Profile profile = Profiler.analyse("test", "spin", recording);

    assertThat(sink).isNotZero();
    assertThat(profile.samples()).isPositive();
    assertThat(profile.libraryShare().get("Cleave's own code (dev.cleave)")).isGreaterThan(0.5);
    assertThat(profile.libraryShare().get("Hibernate")).isZero();
    assertThat(profile.hottest()).isNotEmpty();
    assertThat(profile.flameGraph()).isEqualTo(directory.resolve("profile-test.html"));
    assertThat(Files.readString(profile.flameGraph())).contains("Busy");
    // Folded stacks, root first: the sampled work sits under the test method.
    assertThat(Files.readAllLines(directory.resolve("profile-test.collapsed")))
        .anyMatch(
            line ->
                line.matches(
                    ".*ProfilerTest\\.recordsAJvm\\w*;(.*;)?dev\\.cleave\\.bench\\.ProfilerTest\\$Busy\\.work.*"
                        + " \\d+"));
    assertThat(profile.json()).startsWith("{\"server\":\"test\",\"scenario\":\"spin\"");
  }

  @Test
  void stoppingWithoutARecordingFailsWithJcmdsAnswer() {
    assertThatThrownBy(
            () -> Profiler.stop(ProcessHandle.current().pid(), directory.resolve("none.jfr")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("JFR.stop");
  }

  /** Work the sampler catches in a dev.cleave frame. */
  static final class Busy {
    static long work() {
      long sum = 0;
      for (int i = 0; i < 2_000; i++) {
        sum += Integer.toString(i * 31).hashCode();
      }
      return sum;
    }
  }
}
