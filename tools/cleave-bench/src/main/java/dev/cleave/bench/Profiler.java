package dev.cleave.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import one.convert.Arguments;
import one.convert.FlameGraph;

/**
 * Where a server's time goes during one measured window (issue 21, item 7): JDK Flight Recorder
 * ({@code settings=profile}, started and stopped with {@code jcmd} on the server's JVM), turned
 * into a flame graph of its execution samples (async-profiler's converter; its default event is
 * JFR's {@code jdk.ExecutionSample}, while {@code --cpu} would look for async-profiler's own) and a
 * breakdown by library.
 *
 * <p>The breakdown is inclusive: a sample counts for every library with a frame on its stack, so a
 * Hibernate call made by Cleave's code counts for Hibernate and for the JDBC driver below it, and
 * the shares do not add up to 100 %.
 */
final class Profiler {

  private static final String RECORDING = "cleave-bench";

  /** Libraries by the package prefixes of their frames, in the order the summary shows them. */
  static final Map<String, List<String>> LIBRARIES = libraries();

  private static Map<String, List<String>> libraries() {
    Map<String, List<String>> libraries = new LinkedHashMap<>();
    libraries.put("Hibernate", List.of("org.hibernate."));
    libraries.put("PostgreSQL JDBC driver", List.of("org.postgresql."));
    libraries.put(
        "Liberty connection pool and transactions",
        List.of("com.ibm.ws.rsadapter.", "com.ibm.ejs.j2c.", "com.ibm.tx.", "com.ibm.ws.tx."));
    libraries.put(
        "Fault Tolerance",
        List.of(
            "io.openliberty.microprofile.faulttolerance",
            "com.ibm.ws.microprofile.faulttolerance",
            "io.smallrye.faulttolerance"));
    libraries.put("CDI (Weld)", List.of("org.jboss.weld."));
    libraries.put("JAX-RS (RESTEasy)", List.of("org.jboss.resteasy."));
    libraries.put(
        "JSON (Yasson, Parsson)",
        List.of("org.eclipse.yasson.", "org.eclipse.parsson.", "org.glassfish.json."));
    libraries.put(
        "Security and JWT",
        List.of(
            "com.ibm.ws.security.",
            "io.openliberty.security.",
            "com.ibm.ws.webcontainer.security.",
            "org.jose4j."));
    libraries.put(
        "Metrics and Telemetry",
        List.of(
            "io.smallrye.metrics.",
            "io.openliberty.microprofile.metrics",
            "com.ibm.ws.microprofile.metrics",
            "io.opentelemetry.",
            "io.openliberty.microprofile.telemetry"));
    libraries.put(
        "HTTP transport and web container",
        List.of(
            "com.ibm.ws.http.",
            "com.ibm.ws.webcontainer.",
            "com.ibm.ws.tcpchannel.",
            "com.ibm.io.async.",
            "com.ibm.ws.channelfw."));
    libraries.put(
        "Java cryptography (signatures, digests, TLS)",
        List.of(
            "sun.security.rsa.",
            "sun.security.ec.",
            "sun.security.provider.",
            "sun.security.ssl.",
            "sun.security.util.",
            "javax.crypto.",
            "com.sun.crypto.",
            "java.security.Signature",
            "java.security.MessageDigest",
            "java.security.KeyFactory"));
    libraries.put("Cleave's own code (dev.cleave)", List.of("dev.cleave."));
    return Collections.unmodifiableMap(libraries);
  }

  /** What one recording shows. */
  record Profile(
      String server,
      String scenario,
      long samples,
      Map<String, Double> libraryShare,
      List<Map.Entry<String, Long>> hottest,
      double gcPauseShare,
      long gcPauses,
      double jvmCpuShare,
      double machineCpuShare,
      Path flameGraph) {

    String json() {
      StringBuilder json =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "{\"server\":\"%s\",\"scenario\":\"%s\",\"samples\":%d,\"gcPauseShare\":%.4f,"
                      + "\"gcPauses\":%d,\"jvmCpuShare\":%.4f,\"machineCpuShare\":%.4f,"
                      + "\"flameGraph\":\"%s\",\"libraryShare\":{",
                  server,
                  scenario,
                  samples,
                  gcPauseShare,
                  gcPauses,
                  jvmCpuShare,
                  machineCpuShare,
                  flameGraph.getFileName()));
      libraryShare.forEach(
          (k, v) ->
              json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
                  .append(String.format(Locale.ROOT, "\"%s\":%.4f", k, v)));
      json.append("},\"hottest\":[");
      for (int i = 0; i < hottest.size(); i++) {
        json.append(i == 0 ? "" : ",")
            .append(
                String.format(
                    Locale.ROOT,
                    "{\"frame\":\"%s\",\"samples\":%d}",
                    hottest.get(i).getKey(),
                    hottest.get(i).getValue()));
      }
      return json.append("]}").toString();
    }
  }

  private Profiler() {}

  /**
   * Reads recordings again: {@code java dev.cleave.bench.Profiler FILE.jfr...} prints each one's
   * breakdown and hottest frames (and rewrites its flame graph and folded stacks), e.g. after the
   * libraries above changed.
   */
  public static void main(String[] recordings) throws IOException {
    for (String file : recordings) {
      Path recording = Path.of(file);
      String name = recording.getFileName().toString();
      Profile profile = analyse(name.replaceFirst("\\.jfr$", ""), "", recording);
      System.out.println(profile.json());
    }
  }

  /**
   * Starts a recording on the JVM of the server {@code pid}, after {@code delay} (JFR takes whole
   * seconds, at least one; a shorter delay starts now).
   */
  static void start(long pid, Duration delay) throws IOException, InterruptedException {
    List<String> arguments =
        new ArrayList<>(List.of("JFR.start", "name=" + RECORDING, "settings=profile"));
    if (delay.toSeconds() >= 1) {
      arguments.add("delay=" + delay.toSeconds() + "s");
    }
    jcmd(jvm(pid), arguments.toArray(String[]::new));
  }

  /** Stops the recording and writes it to {@code file}. */
  static void stop(long pid, Path file) throws IOException, InterruptedException {
    jcmd(jvm(pid), "JFR.stop", "name=" + RECORDING, "filename=" + file.toAbsolutePath());
  }

  /**
   * Reads a recording: the flame graph of its CPU samples next to it ({@code .html}), the share of
   * samples per library, the hottest frames, garbage collection pauses and CPU load.
   */
  static Profile analyse(String server, String scenario, Path recording) throws IOException {
    String base = recording.getFileName().toString().replaceFirst("\\.jfr$", "");
    Path flame = recording.resolveSibling(base + ".html");
    Path collapsed = recording.resolveSibling(base + ".collapsed");
    // Folded stacks, root first, of the CPU samples only: the converter's own reading of a JDK
    // recording also counts the threads sitting in native code (waiting on sockets), which is wall
    // time, not CPU.
    Map<String, Long> folded = new HashMap<>();
    long samples = 0;
    Map<String, Long> perLibrary = new LinkedHashMap<>();
    LIBRARIES.keySet().forEach(name -> perLibrary.put(name, 0L));
    Map<String, Long> self = new HashMap<>();
    long gcNanos = 0;
    long gcPauses = 0;
    double jvmCpu = 0;
    double machineCpu = 0;
    long cpuEvents = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      first = Math.min(first, event.getStartTime().toEpochMilli());
      last = Math.max(last, event.getEndTime().toEpochMilli());
      switch (event.getEventType().getName()) {
        case "jdk.ExecutionSample" -> {
          RecordedStackTrace stack = event.getStackTrace();
          if (stack == null || stack.getFrames().isEmpty()) {
            continue;
          }
          samples++;
          // Frames as Class.method, innermost first (JFR's order).
          List<String> frames = new ArrayList<>();
          for (RecordedFrame frame : stack.getFrames()) {
            frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
          }
          self.merge(frames.get(0), 1L, Long::sum);
          for (Map.Entry<String, List<String>> library : LIBRARIES.entrySet()) {
            if (frames.stream()
                .anyMatch(f -> library.getValue().stream().anyMatch(f::startsWith))) {
              perLibrary.merge(library.getKey(), 1L, Long::sum);
            }
          }
          Collections.reverse(frames);
          folded.merge(String.join(";", frames), 1L, Long::sum);
        }
        case "jdk.GarbageCollection" -> {
          gcNanos += event.getDuration().toNanos();
          gcPauses++;
        }
        case "jdk.CPULoad" -> {
          jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
          machineCpu += event.getFloat("machineTotal");
          cpuEvents++;
        }
        default -> {}
      }
    }
    StringBuilder lines = new StringBuilder();
    folded.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> lines.append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
    Files.writeString(collapsed, lines);
    FlameGraph graph =
        new FlameGraph(
            new Arguments(
                "--title",
                (scenario.isEmpty() ? server : server + ": " + scenario) + " (CPU samples)"));
    graph.parseCollapsed(new StringReader(lines.toString()));
    try (OutputStream html = Files.newOutputStream(flame)) {
      graph.dump(html);
    }
    long total = samples;
    Map<String, Double> share = new LinkedHashMap<>();
    perLibrary.forEach((k, v) -> share.put(k, total == 0 ? 0 : (double) v / total));
    List<Map.Entry<String, Long>> hottest =
        self.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
            .limit(12)
            .map(e -> Map.entry(e.getKey(), e.getValue()))
            .toList();
    double spanNanos = last > first ? (last - first) * 1e6 : 1;
    return new Profile(
        server,
        scenario,
        samples,
        share,
        hottest,
        gcNanos / spanNanos,
        gcPauses,
        cpuEvents == 0 ? 0 : jvmCpu / cpuEvents,
        cpuEvents == 0 ? 0 : machineCpu / cpuEvents,
        flame);
  }

  /** The Java process under a Liberty server's launch script (the script may exec it). */
  static long jvm(long pid) throws IOException {
    return ProcessMemory.tree(pid)
        .filter(
            p ->
                ProcessHandle.of(p)
                    .flatMap(h -> h.info().command())
                    .map(c -> c.endsWith("/java"))
                    .orElse(false))
        .findFirst()
        .orElseThrow(() -> new IOException("no Java process at or under " + pid));
  }

  private static void jcmd(long pid, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    command.add(Long.toString(pid));
    command.addAll(List.of(arguments));
    String output = Commands.run(command, Map.of(), Duration.ofMinutes(1));
    // jcmd ends with 0 when the diagnostic command itself refused ("Could not start recording").
    if (output.contains("Exception") || output.contains("Could not")) {
      throw new IOException("jcmd " + String.join(" ", arguments) + " failed:\n" + output);
    }
  }
}
