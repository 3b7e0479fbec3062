package dev.cleave.bench;

import dev.cleave.launcher.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's own limit for one checkout (issue 21, item 1): pgbench runs {@link #SCRIPT}, the
 * exact statements of one monolith checkout, against the monolith's database server and real
 * tables, with as many clients as the suite has customers buying at once. One pgbench transaction
 * of the script is one confirmed order, so its rate is orders/s; "Cleave / roofline" is the
 * monolith's checkout saturation over it.
 */
final class Roofline {

  /** The checkout's statements, captured from PostgreSQL's statement log (see its header). */
  static final Path SCRIPT = Path.of("bench/roofline/checkout.sql");

  private static final Pattern TPS =
      Pattern.compile("^tps = ([0-9.]+) \\(without initial connection time\\)", Pattern.MULTILINE);
  private static final Pattern LATENCY =
      Pattern.compile("^latency average = ([0-9.]+) ms", Pattern.MULTILINE);
  private static final Pattern PROCESSED =
      Pattern.compile("^number of transactions actually processed: ([0-9]+)", Pattern.MULTILINE);
  private static final Pattern FAILED =
      Pattern.compile("^number of failed transactions: ([0-9]+)", Pattern.MULTILINE);

  /** One pgbench run: orders/s, mean latency of one checkout's statements, counts. */
  record Measurement(
      int clients,
      Duration window,
      double ordersPerSecond,
      double latencyMs,
      long orders,
      long failed) {

    String json() {
      return String.format(
          Locale.ROOT,
          "{\"clients\":%d,\"windowSeconds\":%d,\"ordersPerSecond\":%.1f,\"latencyAverageMs\":%.3f,"
              + "\"orders\":%d,\"failed\":%d}",
          clients,
          window.toSeconds(),
          ordersPerSecond,
          latencyMs,
          orders,
          failed);
    }

    String summary() {
      return String.format(
          Locale.ROOT,
          "roofline: %.1f orders/s, %.2f ms per checkout's statements, %d orders, %d failed (%d"
              + " clients)",
          ordersPerSecond,
          latencyMs,
          orders,
          failed,
          clients);
    }
  }

  private Roofline() {}

  /**
   * Runs the script for {@code window} with {@code clients} clients, buying among the products with
   * ids {@code products} (which must be consecutive, as the suite creates them).
   */
  static Measurement run(
      DatabaseSettings database, List<Long> products, int clients, Duration window)
      throws IOException, InterruptedException {
    long first = products.stream().mapToLong(Long::longValue).min().orElseThrow();
    long last = products.stream().mapToLong(Long::longValue).max().orElseThrow();
    if (last - first + 1 != products.size()) {
      throw new IllegalArgumentException(
          "the roofline buys among consecutive product ids; the suite's are " + products);
    }
    List<String> command = new ArrayList<>();
    command.add(pgbench());
    command.addAll(
        List.of(
            "--host",
            database.host(),
            "--port",
            Integer.toString(database.port()),
            "--username",
            database.user(),
            "--no-vacuum",
            "--protocol",
            "prepared",
            "--file",
            SCRIPT.toString(),
            "--define",
            "pmin=" + first,
            "--define",
            "pmax=" + last,
            "--client",
            Integer.toString(clients),
            "--jobs",
            Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())),
            "--time",
            Long.toString(Math.max(1, window.toSeconds())),
            database.name()));
    // The password goes by the environment, never on a command line others can read.
    String output =
        Commands.run(
            command, Map.of("PGPASSWORD", database.password()), window.plus(Duration.ofMinutes(1)));
    return parse(output, clients, window);
  }

  /** Reads pgbench's report. */
  static Measurement parse(String output, int clients, Duration window) throws IOException {
    OptionalDouble tps = number(TPS, output);
    OptionalDouble latency = number(LATENCY, output);
    OptionalLong processed = count(PROCESSED, output);
    if (tps.isEmpty() || latency.isEmpty() || processed.isEmpty()) {
      throw new IOException("not a pgbench report:\n" + output);
    }
    return new Measurement(
        clients,
        window,
        tps.getAsDouble(),
        latency.getAsDouble(),
        processed.getAsLong(),
        count(FAILED, output).orElse(0));
  }

  private static OptionalDouble number(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
  }

  private static OptionalLong count(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /** pgbench on the PATH, else Debian's (postgresql-client). */
  static String pgbench() throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "pgbench"))) {
        return Path.of(dir, "pgbench").toString();
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (var versions = Files.list(debian)) {
        for (Path version : versions.sorted(Comparator.reverseOrder()).toList()) {
          if (Files.isExecutable(version.resolve("bin/pgbench"))) {
            return version.resolve("bin/pgbench").toString();
          }
        }
      }
    }
    throw new IOException(
        "the roofline needs pgbench (apt-get install postgresql-client), or --roofline off");
  }
}
