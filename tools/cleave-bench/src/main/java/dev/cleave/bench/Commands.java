package dev.cleave.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a tool the suite needs (pgbench, jcmd) to its end, within a time limit. */
final class Commands {

  private Commands() {}

  /**
   * Runs {@code command} with {@code environment} added to this process's, and answers what it
   * wrote (standard output and error). Its output goes to a file while it runs, so the limit holds
   * even when the tool hangs without closing its output.
   *
   * @throws IOException if it did not end within {@code limit} (it is killed), or ended with a
   *     non-zero status (the message holds its output)
   */
  static String run(List<String> command, Map<String, String> environment, Duration limit)
      throws IOException, InterruptedException {
    String name = Path.of(command.get(0)).getFileName().toString();
    Path output = Files.createTempFile("cleave-bench-" + name, ".out");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException(name + " did not finish within " + limit);
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IOException(name + " failed (exit " + process.exitValue() + "):\n" + text);
      }
      return text;
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
