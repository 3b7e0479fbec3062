package dev.cleave.bench;

import dev.cleave.launcher.DatabaseSettings;
import dev.cleave.launcher.EmbeddedDatabase;
import dev.cleave.launcher.LibertyServer;
import dev.cleave.launcher.LocalDeployment;
import dev.cleave.launcher.Topology;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The side-by-side benchmark (bench/suite.sh, docs/benchmarks.md): for each repetition, each shape
 * is started from scratch on a fresh embedded PostgreSQL, exactly as {@code ./mvnw -Prun} starts
 * it, and measured through its front door with the same virtual customers and scenarios.
 *
 * <p>Shapes: {@code monolith}; {@code extract-payment} (the monolith with the payment module's
 * client, plus payment-service); {@code split-gateway} (four services behind the gateway); {@code
 * split-nginx} (the same running services behind NGINX as a plain reverse proxy). Per shape: set-up
 * (products, customers registered and logged in once), a warm-up of the mixed workload (discarded),
 * then per scenario the saturation throughput (closed loop) and, for the rated scenarios, the
 * latency at 25, 50 and 75 % of the <em>monolith's</em> saturation of that scenario (open loop,
 * first repetition's figure, so every shape and repetition gets the same offered load). After the
 * scenarios: time from launch to ready of each server, resident memory of every process, and the
 * module calls' mean latency by binding (local or remote) from the metrics.
 *
 * <p>Output in {@code --out} (default {@code bench/results/suite-<UTC time>}): {@code
 * results.jsonl} (every measurement), {@code summary.md} (medians and spread over repetitions) and
 * PNG plots.
 */
public final class Suite {

  static final List<String> SHAPES =
      List.of("monolith", "extract-payment", "split-gateway", "split-nginx");
  static final double[] FRACTIONS = {0.25, 0.5, 0.75};

  private final Map<String, String> options;
  private final Path out;
  private final Results results;

  private Suite(Map<String, String> options) {
    this.options = options;
    this.out =
        Path.of(
            option(
                "out",
                "bench/results/suite-"
                    + DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.now())));
    this.results = new Results(out);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--quick") || args[i].equals("--require-success")) {
        options.put(args[i].substring(2), "true");
      } else if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i].substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("unknown argument " + args[i] + "; see bench/suite.sh");
      }
    }
    // Ctrl-C or SIGTERM: stop what is running, leave no process behind.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  NginxProxy nginx = proxy;
                  if (nginx != null) {
                    nginx.close();
                  }
                  LocalDeployment deployment = running;
                  if (deployment != null) {
                    deployment.close();
                  }
                },
                "bench-shutdown"));
    new Suite(options).run();
  }

  /** What is running now, for the shutdown hook. */
  private static volatile LocalDeployment running;

  private static volatile NginxProxy proxy;

  private boolean quick() {
    return options.containsKey("quick");
  }

  private String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  private Duration duration(String name, String full, String quick) {
    return Duration.parse("PT" + option(name, quick() ? quick : full).toUpperCase(Locale.ROOT));
  }

  private int number(String name, int full, int quick) {
    return Integer.parseInt(option(name, Integer.toString(quick() ? quick : full)));
  }

  private void run() throws Exception {
    List<String> shapes = List.of(option("shapes", String.join(",", SHAPES)).split(","));
    shapes.forEach(
        shape -> {
          if (!SHAPES.contains(shape)) {
            throw new IllegalArgumentException("unknown shape " + shape + "; one of " + SHAPES);
          }
        });
    String profile = option("profile", "");
    if (!profile.isEmpty() && !Workload.SCENARIOS.contains(profile)) {
      throw new IllegalArgumentException(
          "--profile names one scenario, one of " + Workload.SCENARIOS + "; not " + profile);
    }
    int reps = number("reps", 3, 1);
    Path wlp = Path.of(option("wlp", "target/liberty/wlp")).toAbsolutePath();
    Files.createDirectories(out);
    log(
        "results in "
            + out.toAbsolutePath()
            + (quick() ? " (quick mode: smoke figures, not for docs)" : ""));
    Map<String, String> environment = machine();
    // Which commits the figures were taken with: durable unless CLEAVE_EMBEDDED_DB_DURABILITY=fast.
    environment.put(
        "database",
        switch (EmbeddedDatabase.Durability.fromEnvironment(System.getenv())) {
          case DURABLE -> "embedded PostgreSQL, durable commits (fsync=on, synchronous_commit=on)";
          case FAST ->
              "embedded PostgreSQL, fsync=off, synchronous_commit=off"
                  + " (CLEAVE_EMBEDDED_DB_DURABILITY=fast)";
        });
    results.environment(environment, options);
    Map<String, Double> saturationReference = new LinkedHashMap<>();
    for (int rep = 1; rep <= reps; rep++) {
      // split-gateway and split-nginx measure the same running services, one after the other.
      List<String> deployments = new ArrayList<>();
      for (String shape : shapes) {
        String deployment = deploymentOf(shape);
        if (!deployments.contains(deployment)) {
          deployments.add(deployment);
        }
      }
      for (String deployment : deployments) {
        List<String> fronts =
            shapes.stream().filter(s -> deploymentOf(s).equals(deployment)).toList();
        measureDeployment(rep, deployment, fronts, wlp, saturationReference);
      }
    }
    results.finish(shapes);
    log("done: " + out.toAbsolutePath().resolve("summary.md"));
    if (options.containsKey("require-success") && !results.allSucceeded()) {
      // CI's smoke run asserts no timing, only that every scenario worked in every shape.
      log("FAILED: a measurement had failed iterations or none succeeded (see results.jsonl)");
      System.exit(1);
    }
  }

  private static String deploymentOf(String shape) {
    return switch (shape) {
      case "monolith" -> "monolith";
      case "extract-payment" -> "extract:payment";
      default -> "split";
    };
  }

  private void measureDeployment(
      int rep,
      String topologyName,
      List<String> fronts,
      Path wlp,
      Map<String, Double> saturationReference)
      throws Exception {
    Path data =
        Path.of("target/bench-data")
            .toAbsolutePath()
            .resolve(topologyName.replace(':', '-') + "-" + rep);
    deleteTree(data);
    String adminEmail = "bench-admin@cleave.test";
    String adminPassword = UUID.randomUUID().toString();
    log("rep " + rep + ": starting " + topologyName);
    try (LocalDeployment deployment =
        start(wlp, data, topologyName, serverEnvironment(adminEmail, adminPassword), "  ")) {
      running = deployment;
      Topology topology = deployment.topology();
      Map<String, Duration> ready = new LinkedHashMap<>(deployment.readyAfter());
      for (String front : fronts) {
        if (front.equals("split-nginx")) {
          Map<String, URI> services = new LinkedHashMap<>();
          topology.nodes().stream()
              .filter(n -> !n.isGateway())
              .forEach(n -> services.put(n.server(), deployment.serverUri(n.server())));
          try (NginxProxy nginx = NginxProxy.start(data.resolve("nginx"), 9180, services)) {
            proxy = nginx;
            measureFront(
                rep,
                front,
                nginx.uri(),
                deployment,
                data,
                ready,
                adminEmail,
                adminPassword,
                saturationReference,
                nginx);
          }
        } else {
          measureFront(
              rep,
              front,
              deployment.frontUri(),
              deployment,
              data,
              ready,
              adminEmail,
              adminPassword,
              saturationReference,
              null);
        }
      }
    } finally {
      running = null;
      proxy = null;
      deleteTree(data.resolve("postgres"));
    }
  }

  private void measureFront(
      int rep,
      String shape,
      URI front,
      LocalDeployment deployment,
      Path data,
      Map<String, Duration> ready,
      String adminEmail,
      String adminPassword,
      Map<String, Double> saturationReference,
      NginxProxy nginx)
      throws Exception {
    Duration warmup = duration("warmup", "60s", "10s");
    Duration settle = duration("settle", "3s", "2s");
    Duration window = duration("window", "12s", "4s");
    int customerCount = number("customers", 64, 24);
    int concurrency = number("concurrency", 16, 8);
    List<String> scenarios =
        List.of(option("scenarios", String.join(",", Workload.SCENARIOS)).split(","));
    List<String> rated = List.of(option("rated", "search,checkout,mixed").split(","));

    Workload workload = new Workload(front);
    String admin = workload.login(adminEmail, adminPassword);
    List<Long> products = workload.products(admin, number("products", 50, 20));
    List<Workload.Customer> customers = workload.customers(customerCount);
    List<Workload.Customer> closedCustomers =
        customers.subList(0, Math.min(concurrency, customers.size()));
    log(
        "rep "
            + rep
            + " "
            + shape
            + ": "
            + products.size()
            + " products, "
            + customers.size()
            + " customers; warm-up "
            + warmup);
    LoadRunner.closed(
        "mixed", workload.scenario("mixed", products), closedCustomers, warmup, Duration.ZERO);

    String orderServer = deployment.topology().holderOf("order").server();
    URI orderUri = deployment.serverUri(orderServer);
    Map<String, double[]> callsBefore = ModuleCallStats.scrape(workload.text(orderUri, "/metrics"));
    for (String scenario : scenarios) {
      Workload.Scenario run = workload.scenario(scenario, products);
      boolean profiled = scenario.equals(option("profile", ""));
      if (profiled) {
        // JFR on every server of the shape for the measured window only (from after the settle).
        for (LibertyServer server : deployment.servers()) {
          Profiler.start(server.pid(), settle);
        }
      }
      LoadRunner.Measurement saturation =
          LoadRunner.closed(scenario, run, closedCustomers, settle, window);
      if (profiled) {
        for (LibertyServer server : deployment.servers()) {
          Path recording = out.resolve(profileName(rep, shape, server.name(), scenario) + ".jfr");
          Profiler.stop(server.pid(), recording);
          Profiler.Profile profile = Profiler.analyse(server.name(), scenario, recording);
          results.profile(rep, shape, profile);
          log(
              "rep "
                  + rep
                  + " "
                  + shape
                  + ": profile of "
                  + server.name()
                  + " in "
                  + profile.flameGraph());
        }
      }
      results.measurement(rep, shape, saturation, null);
      log("rep " + rep + " " + shape + ": " + saturation.summary());
      saturationReference.putIfAbsent(scenario, saturation.successPerSecond());
      if (rated.contains(scenario)) {
        for (double fraction : FRACTIONS) {
          double rate = Math.max(1, saturationReference.get(scenario) * fraction);
          LoadRunner.Measurement measured =
              LoadRunner.open(scenario, run, customers, rate, settle, window);
          results.measurement(rep, shape, measured, fraction);
          log("rep " + rep + " " + shape + ": " + measured.summary());
        }
      }
    }
    List<ModuleCallStats.Calls> calls =
        ModuleCallStats.between(
            callsBefore, ModuleCallStats.scrape(workload.text(orderUri, "/metrics")));
    Map<String, Double> memory = new LinkedHashMap<>();
    for (LibertyServer server : deployment.servers()) {
      if (!(shape.equals("split-nginx") && server.name().equals("gateway"))) {
        memory.put(server.name(), ProcessMemory.jvmRssMiB(server.pid()));
      }
    }
    memory.put("postgres", ProcessMemory.postgresPssMiB(data.resolve("postgres")));
    if (nginx != null) {
      memory.put("nginx", ProcessMemory.treePssMiB(nginx.pid()));
    }
    Map<String, Duration> readyHere = new LinkedHashMap<>(ready);
    if (shape.equals("split-nginx")) {
      readyHere.remove("gateway");
    }
    results.servers(rep, shape, readyHere, memory, calls);
    log("rep " + rep + " " + shape + ": memory (MiB) " + memory + ", module calls " + calls);
    if (shape.equals("monolith") && !option("roofline", "on").equals("off")) {
      // The database's own limit for the same checkouts, on the same server and tables, while the
      // monolith stands idle: a settle run, discarded, then the measured window.
      DatabaseSettings database = deployment.database("order");
      Roofline.run(database, products, concurrency, settle);
      Roofline.Measurement roofline = Roofline.run(database, products, concurrency, window);
      results.roofline(rep, roofline);
      log("rep " + rep + " " + shape + ": " + roofline.summary());
    }
  }

  static String profileName(int rep, String shape, String server, String scenario) {
    return "profile-" + scenario + "-" + shape + "-" + server + "-rep" + rep;
  }

  /**
   * What every benchmarked server is given: an administrator, loopback as the proxy, limits no run
   * reaches.
   */
  static Map<String, String> serverEnvironment(String adminEmail, String adminPassword) {
    Map<String, String> serverEnvironment = new LinkedHashMap<>();
    serverEnvironment.put("CLEAVE_ADMIN_EMAIL", adminEmail);
    serverEnvironment.put("CLEAVE_ADMIN_PASSWORD", adminPassword);
    // Loopback is the proxy: each virtual customer's X-Forwarded-For names it, so per-address
    // limits
    // see many clients, as they would in production.
    serverEnvironment.put("CLEAVE_HTTP_TRUSTED_PROXIES", "127.0.0.1,0:0:0:0:0:0:0:1");
    serverEnvironment.put("CLEAVE_USER_ACCESS_TOKEN_TTL", "PT4H");
    // The gateway's limits stay on (their cost is part of the edge) with quotas no run reaches.
    serverEnvironment.put("CLEAVE_GATEWAY_RATE_LIMIT_DEFAULT", "1000000000/PT1M");
    serverEnvironment.put(
        "CLEAVE_GATEWAY_RATE_LIMITS",
        "login POST /api/v1/auth/login 1000000000/PT1M,register POST /api/v1/users"
            + " 1000000000/PT1M,checkout POST /api/v1/orders 1000000000/PT1M");
    return serverEnvironment;
  }

  /**
   * Starts a shape on the benchmark ports (front 9080, embedded PostgreSQL 15432 unless set) and
   * waits until ready.
   */
  static LocalDeployment start(
      Path wlp,
      Path data,
      String topologyName,
      Map<String, String> serverEnvironment,
      String logIndent) {
    Topology topology =
        Topology.of(
            topologyName,
            "cleave",
            server -> server.equals("front") ? 9080 : Topology.DEFAULT_PORTS.get(server));
    Map<String, String> environment = new LinkedHashMap<>(System.getenv());
    environment.putIfAbsent("CLEAVE_EMBEDDED_DB_PORT", "15432");
    return LocalDeployment.start(
        new LocalDeployment.Options(
            wlp,
            data,
            topology,
            environment,
            serverEnvironment,
            List.of(),
            data.resolve("logs"),
            message -> log(logIndent + message)));
  }

  static Map<String, String> machine() {
    Map<String, String> machine = new LinkedHashMap<>();
    machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    machine.put(
        "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    try {
      Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(l -> l.startsWith("MemTotal:"))
          .findFirst()
          .ifPresent(l -> machine.put("memory", l.substring(9).strip()));
      Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .findFirst()
          .ifPresent(l -> machine.put("cpu", l.substring(l.indexOf(':') + 1).strip()));
    } catch (IOException e) {
      // Not Linux: the rest still says enough.
    }
    return machine;
  }

  static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static void log(String message) {
    System.out.println(
        "[bench "
            + DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.now())
            + "] "
            + message);
  }

  /** Appends a line to a file. */
  static void append(Path file, String line) throws IOException {
    Files.writeString(
        file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
