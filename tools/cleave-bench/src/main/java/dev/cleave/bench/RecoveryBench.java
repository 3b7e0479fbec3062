package dev.cleave.bench;

import dev.cleave.launcher.EmbeddedDatabase;
import dev.cleave.launcher.LocalDeployment;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast saga recovery drains a backlog of unfinished checkouts ({@code bench/recovery.sh}; issue
 * 15, item 6). For each shape and each recovery concurrency:
 *
 * <ol>
 *   <li>a system of its own starts with the test-only hook {@code
 *       CLEAVE_ORDER_FAULT_STOP_AFTER=STOCK_RESERVED} and recovery held back ({@code
 *       CLEAVE_ORDER_RECOVERY_AFTER=PT24H}); clients place {@code --orders} checkouts, each
 *       answered {@code 202 STOCK_RESERVED}: stock held, not paid, as after an outage;
 *   <li>the system stops and starts again on the same database without the hook, recovery looking
 *       every second for orders older than a second, {@code CLEAVE_ORDER_RECOVERY_CONCURRENCY}
 *       drives at once;
 *   <li>from the moment the servers are ready, the administrator's order list is read every 250 ms
 *       until no order is unfinished. The time that took, and the orders per second, are the
 *       result; every order must end {@code CONFIRMED}.
 * </ol>
 *
 * Output: {@code results.jsonl} (one line per measurement) and {@code summary.md} in {@code --out}
 * (default {@code bench/results/recovery-<UTC time>}).
 */
public final class RecoveryBench {

  private static final Pattern TOTAL = Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)");
  private static final Pattern UPDATED = Pattern.compile("\"updatedAt\"\\s*:\\s*\"([^\"]+)\"");
  private static final List<String> UNFINISHED =
      List.of("PLACED", "STOCK_RESERVED", "PAYMENT_AUTHORIZED");
  private static final Duration DRAIN_LIMIT = Duration.ofMinutes(20);

  private static volatile LocalDeployment running;

  private final Map<String, String> options;
  private final Path out;

  private RecoveryBench(Map<String, String> options) {
    this.options = options;
    this.out =
        Path.of(
            options.getOrDefault(
                "out",
                "bench/results/recovery-"
                    + DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.now())));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i].substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException(
            "unknown argument " + args[i] + "; see bench/recovery.sh");
      }
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LocalDeployment deployment = running;
                  if (deployment != null) {
                    deployment.close();
                  }
                },
                "bench-shutdown"));
    new RecoveryBench(options).run();
  }

  /**
   * One drain: the shape, the concurrency, the backlog, how it ended, how long from the servers'
   * being ready until nothing was unfinished ({@code seconds}), and the span from the first to the
   * last order's settling, read from the orders' own change times ({@code settlingSeconds};
   * independent of when the servers were found ready), whose rate is {@code ordersPerSecond}.
   */
  record Drain(
      String shape,
      int concurrency,
      int backlog,
      double seconds,
      double settlingSeconds,
      double ordersPerSecond,
      Map<String, Long> ended,
      Map<String, Long> placing) {

    String json() {
      return "{\"shape\":\""
          + shape
          + "\",\"concurrency\":"
          + concurrency
          + ",\"backlog\":"
          + backlog
          + ",\"drainSeconds\":"
          + String.format(Locale.ROOT, "%.1f", seconds)
          + ",\"settlingSeconds\":"
          + String.format(Locale.ROOT, "%.1f", settlingSeconds)
          + ",\"ordersPerSecond\":"
          + String.format(Locale.ROOT, "%.1f", ordersPerSecond)
          + ",\"ended\":"
          + jsonMap(ended)
          + ",\"placing\":"
          + jsonMap(placing)
          + "}";
    }

    private static String jsonMap(Map<String, Long> map) {
      List<String> entries = new ArrayList<>();
      map.forEach((key, value) -> entries.add("\"" + key + "\":" + value));
      return "{" + String.join(",", entries) + "}";
    }
  }

  private void run() throws Exception {
    List<String> shapes = List.of(options.getOrDefault("shapes", "monolith").split(","));
    List<Integer> levels =
        List.of(options.getOrDefault("concurrency", "1,8").split(",")).stream()
            .map(String::strip)
            .map(Integer::parseInt)
            .toList();
    int orders = Integer.parseInt(options.getOrDefault("orders", "2000"));
    int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
    Path wlp = Path.of(options.getOrDefault("wlp", "target/liberty/wlp")).toAbsolutePath();
    Files.createDirectories(out);
    Suite.log("results in " + out.toAbsolutePath());
    Map<String, String> machine = Suite.machine();
    machine.put(
        "database",
        switch (EmbeddedDatabase.Durability.fromEnvironment(System.getenv())) {
          case DURABLE -> "embedded PostgreSQL, durable commits";
          case FAST -> "embedded PostgreSQL, fsync=off (CLEAVE_EMBEDDED_DB_DURABILITY=fast)";
        });
    List<Drain> drains = new ArrayList<>();
    for (String shape : shapes) {
      for (int level : levels) {
        Drain drain = measure(shape, level, orders, clients, wlp);
        Suite.log(drain.json());
        Suite.append(out.resolve("results.jsonl"), drain.json());
        drains.add(drain);
      }
    }
    summary(machine, orders, clients, drains);
    boolean allConfirmed =
        drains.stream()
            .allMatch(
                d ->
                    d.ended().getOrDefault("CONFIRMED", 0L) == d.backlog()
                        && d.ended().size() == 1);
    Suite.log("done: " + out.toAbsolutePath().resolve("summary.md"));
    if (!allConfirmed) {
      Suite.log("FAILED: not every order of a backlog ended CONFIRMED (see results.jsonl)");
      System.exit(1);
    }
  }

  private Drain measure(String shape, int concurrency, int orders, int clients, Path wlp)
      throws Exception {
    String topologyName =
        switch (shape) {
          case "monolith" -> "monolith";
          case "split" -> "split";
          default ->
              throw new IllegalArgumentException("unknown shape " + shape + "; monolith or split");
        };
    Path data =
        Path.of("target/bench-data")
            .toAbsolutePath()
            .resolve("recovery-" + shape + "-" + concurrency);
    Suite.deleteTree(data);
    String adminEmail = "bench-admin@cleave.test";
    String adminPassword = UUID.randomUUID().toString();
    Map<String, String> common = Suite.serverEnvironment(adminEmail, adminPassword);
    // Reservations must outlive the backlog's wait: the default (15 min) does.

    Map<String, String> placing = new LinkedHashMap<>(common);
    placing.put("CLEAVE_ORDER_FAULT_STOP_AFTER", "STOCK_RESERVED");
    placing.put("CLEAVE_ORDER_RECOVERY_AFTER", "PT24H");
    Map<String, Long> placed;
    Suite.log(
        shape + ", concurrency " + concurrency + ": building a backlog of " + orders + " orders");
    try (LocalDeployment deployment = start(wlp, data, topologyName, placing)) {
      Workload workload = new Workload(deployment.frontUri());
      String admin = workload.login(adminEmail, adminPassword);
      List<Long> products = workload.products(admin, 20);
      List<Workload.Customer> customers = workload.customers(clients);
      placed = place(workload, products, customers, orders);
      Suite.log("  placed: " + placed);
    } finally {
      running = null;
    }
    long backlog = placed.getOrDefault("202 STOCK_RESERVED", 0L);
    if (backlog == 0) {
      throw new IllegalStateException("no order was left to recovery: " + placed);
    }

    Map<String, String> recovering = new LinkedHashMap<>(common);
    recovering.put("CLEAVE_ORDER_RECOVERY_AFTER", "PT1S");
    recovering.put("CLEAVE_ORDER_RECOVERY_INTERVAL", "PT1S");
    recovering.put("CLEAVE_ORDER_RECOVERY_CONCURRENCY", Integer.toString(concurrency));
    Suite.log("  restarting with recovery, concurrency " + concurrency);
    try (LocalDeployment deployment = start(wlp, data, topologyName, recovering)) {
      long ready = System.nanoTime();
      Workload workload = new Workload(deployment.frontUri());
      String admin = workload.login(adminEmail, adminPassword);
      long left = unfinished(workload, admin);
      long deadline = ready + DRAIN_LIMIT.toNanos();
      long lastReport = ready;
      while (left > 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(left + " orders still unfinished after " + DRAIN_LIMIT);
        }
        Thread.sleep(250); // a poll interval: the measured time is the drain's, not this loop's
        left = unfinished(workload, admin);
        if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
          Suite.log("  " + left + " unfinished");
          lastReport = System.nanoTime();
        }
      }
      double seconds = (System.nanoTime() - ready) / 1e9;
      Map<String, Long> ended = new LinkedHashMap<>();
      for (String status :
          List.of("CONFIRMED", "PAYMENT_DECLINED", "REJECTED", "FAILED", "CANCELLED")) {
        long count = count(workload, admin, status);
        if (count > 0) {
          ended.put(status, count);
        }
      }
      double settling = settlingSeconds(workload, admin);
      return new Drain(
          shape, concurrency, (int) backlog, seconds, settling, backlog / settling, ended, placed);
    } finally {
      running = null;
      Suite.deleteTree(data.resolve("postgres"));
    }
  }

  private static LocalDeployment start(
      Path wlp, Path data, String topologyName, Map<String, String> serverEnvironment) {
    LocalDeployment deployment = Suite.start(wlp, data, topologyName, serverEnvironment, "    ");
    running = deployment;
    return deployment;
  }

  /**
   * Places orders with the customers, as many clients at once as there are customers; outcome
   * counts.
   */
  private static Map<String, Long> place(
      Workload workload, List<Long> products, List<Workload.Customer> customers, int orders)
      throws Exception {
    Workload.Scenario checkout = workload.scenario("checkout", products);
    Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    AtomicInteger started = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(customers.size());
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int i = 0; i < customers.size(); i++) {
        Workload.Customer customer = customers.get(i);
        Random random = new Random(i);
        clients.add(
            pool.submit(
                () -> {
                  while (started.getAndIncrement() < orders) {
                    String outcome;
                    try {
                      outcome = checkout.run(customer, random);
                    } catch (IOException e) {
                      outcome = "io-error";
                    }
                    outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
                  }
                  return null;
                }));
      }
      for (Future<?> client : clients) {
        client.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
    return counts;
  }

  /**
   * From the first to the last change time of the confirmed orders: how long their settling took.
   */
  private static double settlingSeconds(Workload workload, String admin) throws IOException {
    Instant first = null;
    Instant last = null;
    for (int page = 1; ; page++) {
      HttpResponse<String> answer =
          workload.send(
              admin,
              "GET",
              "/api/v1/admin/orders?status=CONFIRMED&size=100&page=" + page,
              null,
              null);
      if (answer.statusCode() != 200) {
        throw new IOException("order list: " + answer.statusCode() + " " + answer.body());
      }
      Matcher updated = UPDATED.matcher(answer.body());
      int found = 0;
      while (updated.find()) {
        Instant at = Instant.parse(updated.group(1));
        first = first == null || at.isBefore(first) ? at : first;
        last = last == null || at.isAfter(last) ? at : last;
        found++;
      }
      if (found < 100) {
        break;
      }
    }
    if (first == null) {
      throw new IOException("no confirmed order");
    }
    return Duration.between(first, last).toNanos() / 1e9;
  }

  private static long unfinished(Workload workload, String admin) throws IOException {
    long total = 0;
    for (String status : UNFINISHED) {
      total += count(workload, admin, status);
    }
    return total;
  }

  private static long count(Workload workload, String admin, String status) throws IOException {
    HttpResponse<String> page =
        workload.send(
            admin, "GET", "/api/v1/admin/orders?status=" + status + "&size=1", null, null);
    Matcher total = TOTAL.matcher(page.body());
    if (page.statusCode() != 200 || !total.find()) {
      throw new IOException("order list: " + page.statusCode() + " " + page.body());
    }
    return Long.parseLong(total.group(1));
  }

  private void summary(Map<String, String> machine, int orders, int clients, List<Drain> drains)
      throws IOException {
    StringBuilder md = new StringBuilder("# Recovery of a backlog of unfinished checkouts\n\n");
    md.append("Command: `bench/recovery.sh");
    options.forEach((key, value) -> md.append(" --").append(key).append(' ').append(value));
    md.append("`\n\n");
    machine.forEach(
        (key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
    md.append("- backlog: ")
        .append(orders)
        .append(" checkouts placed by ")
        .append(clients)
        .append(" clients, each left at STOCK_RESERVED (CLEAVE_ORDER_FAULT_STOP_AFTER)\n\n");
    md.append(
            "| shape | recovery concurrency | backlog | settling span (s) | orders/s | ready to"
                + " drained (s) ")
        .append("| ended |\n");
    md.append("|---|---:|---:|---:|---:|---:|---|\n");
    for (Drain drain : drains) {
      md.append("| ")
          .append(drain.shape())
          .append(" | ")
          .append(drain.concurrency())
          .append(" | ")
          .append(drain.backlog())
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.1f", drain.settlingSeconds()))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.1f", drain.ordersPerSecond()))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.1f", drain.seconds()))
          .append(" | ")
          .append(drain.ended())
          .append(" |\n");
    }
    md.append(
            "\n"
                + "Settling span: from the first to the last change time of the backlog's orders"
                + " once confirmed ")
        .append(
            "(the orders' own `updatedAt`); orders/s = backlog / span. Ready to drained: from the"
                + " moment the ")
        .append(
            "restarted system was ready until no order was PLACED, STOCK_RESERVED or"
                + " PAYMENT_AUTHORIZED (read ")
        .append(
            "every 250 ms); recovery's first run starts a second after the order module, which may"
                + " be ready ")
        .append("before the rest of the system.\n");
    Files.writeString(out.resolve("summary.md"), md.toString());
  }
}
