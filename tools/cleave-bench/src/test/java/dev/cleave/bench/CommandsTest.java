package dev.cleave.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Running a tool to its end: its output, its environment, its failure, its time limit. */
class CommandsTest {

  @Test
  void answersWhatTheToolWroteOnBothStreamsWithTheGivenEnvironment() throws Exception {
    String output =
        Commands.run(
            List.of("sh", "-c", "echo out-$GREETING; echo err >&2"),
            Map.of("GREETING", "hello"),
            Duration.ofSeconds(30));

    assertThat(output).contains("out-hello").contains("err");
  }

  @Test
  void aFailingToolFailsWithItsStatusAndOutput() {
    assertThatThrownBy(
            () ->
                Commands.run(
                    List.of("sh", "-c", "echo oops; exit 3"), Map.of(), Duration.ofSeconds(30)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("exit 3")
        .hasMessageContaining("oops");
  }

  @Test
  void aToolStillRunningAtTheLimitIsKilledAndFails() {
    // sleep keeps its output open: a reader waiting for the end of the output would wait it out.
    assertThatThrownBy(() -> Commands.run(List.of("sleep", "60"), Map.of(), Duration.ofSeconds(1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("did not finish within PT1S");
  }
}
