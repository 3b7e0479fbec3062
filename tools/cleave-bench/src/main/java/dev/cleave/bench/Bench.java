package dev.cleave.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One scenario against a Cleave that is already running ({@code bench/checkout.sh}); the whole
 * side-by-side run of every shape is {@link Suite}.
 *
 * <ul>
 *   <li>{@code --mode closed --concurrency C}: C customers back to back; saturation throughput.
 *   <li>{@code --mode open --rate R}: iterations due at R per second whatever the server does
 *       (latency from the due time: no coordinated omission).
 * </ul>
 *
 * Options (or {@code BENCH_<NAME>} variables): {@code --scenario} (default checkout), {@code
 * --base}, {@code --customers}, {@code --products}, {@code --warmup}, {@code --duration}, {@code
 * --out} (appends one JSON object), {@code --admin-email}, {@code --admin-password}.
 */
public final class Bench {

  private final Map<String, String> options;

  private Bench(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    String scenario = "checkout";
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i].substring(2), args[++i]);
      } else if (Workload.SCENARIOS.contains(args[i])) {
        scenario = args[i];
      } else {
        throw new IllegalArgumentException(
            "unknown argument " + args[i] + "; see bench/checkout.sh");
      }
    }
    options.putIfAbsent("scenario", scenario);
    new Bench(options).run();
  }

  private String option(String name, String fallback) {
    String value =
        options.getOrDefault(
            name, System.getenv("BENCH_" + name.toUpperCase(Locale.ROOT).replace('-', '_')));
    return value == null ? fallback : value;
  }

  private String required(String name) {
    String value = option(name, null);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  private void run() throws Exception {
    String scenario = option("scenario", "checkout");
    String mode = option("mode", "closed");
    int customerCount = Integer.parseInt(option("customers", "64"));
    Duration warmup = Duration.parse("PT" + option("warmup", "30s").toUpperCase(Locale.ROOT));
    Duration duration = Duration.parse("PT" + option("duration", "60s").toUpperCase(Locale.ROOT));
    Workload workload = new Workload(URI.create(option("base", "http://localhost:9080")));

    String admin = workload.login(required("admin-email"), required("admin-password"));
    List<Long> products = workload.products(admin, Integer.parseInt(option("products", "50")));
    List<Workload.Customer> customers = workload.customers(customerCount);
    System.out.printf(
        "setup: %d products with stock, %d customers registered and logged in%n",
        products.size(), customers.size());

    LoadRunner.Measurement measured =
        mode.equals("open")
            ? LoadRunner.open(
                scenario,
                workload.scenario(scenario, products),
                customers,
                Double.parseDouble(required("rate")),
                warmup,
                duration)
            : LoadRunner.closed(
                scenario,
                workload.scenario(scenario, products),
                customers.subList(
                    0, Math.min(customers.size(), Integer.parseInt(option("concurrency", "16")))),
                warmup,
                duration);
    System.out.println(measured.summary());
    String out = option("out", null);
    if (out != null) {
      Files.writeString(
          Path.of(out),
          measured.json() + System.lineSeparator(),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    System.out.println(measured.json());
  }
}
