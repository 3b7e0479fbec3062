package dev.cleave.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resident memory of processes, from Linux's {@code /proc}. A JVM is one process: its {@code
 * VmRSS}. PostgreSQL and NGINX are a parent and workers sharing memory: summing their RSS would
 * count the shared pages once per process, so they are reported as the sum of {@code Pss} (each
 * shared page divided among its sharers).
 */
final class ProcessMemory {

  private ProcessMemory() {}

  /** VmRSS in MiB of the largest process in the tree under {@code pid} (a server script's JVM). */
  static double jvmRssMiB(long pid) {
    return tree(pid)
            .mapToLong(p -> kib(Path.of("/proc", Long.toString(p), "status"), "VmRSS:"))
            .max()
            .orElse(0)
        / 1024.0;
  }

  /** Sum of Pss in MiB over the process tree under {@code pid}. */
  static double treePssMiB(long pid) {
    return tree(pid)
            .mapToLong(p -> kib(Path.of("/proc", Long.toString(p), "smaps_rollup"), "Pss:"))
            .sum()
        / 1024.0;
  }

  /**
   * Sum of Pss in MiB over a PostgreSQL server: its postmaster (first line of postmaster.pid) and
   * backends.
   */
  static double postgresPssMiB(Path dataDirectory) {
    try {
      List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
      return lines.isEmpty() ? 0 : treePssMiB(Long.parseLong(lines.get(0).strip()));
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  /** The process {@code pid} and its descendants. */
  static Stream<Long> tree(long pid) {
    return ProcessHandle.of(pid)
        .map(h -> Stream.concat(Stream.of(h), h.descendants()).map(ProcessHandle::pid))
        .orElse(Stream.empty());
  }

  private static long kib(Path file, String field) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
        }
      }
    } catch (IOException | NumberFormatException e) {
      // The process ended or hides its memory: count nothing.
    }
    return 0;
  }
}
