package dev.cleave.launcher;

import dev.cleave.platform.https.TransportPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * {@code ./mvnw -Prun} (and {@code -Psplit -Prun}, {@code -Psplit -Prun -Dcleave.extract=MODULE})
 * ends here: starts the database (embedded unless {@code CLEAVE_DB_HOST} is set), makes development
 * key pairs (unless keys are configured with {@code CLEAVE_JWT_*}, monolith only), starts every
 * server of the {@link Topology} at once with progress on the console, waits until each is ready,
 * prints where they answer, and on Ctrl-C or SIGTERM stops the servers and then the database,
 * leaving no process behind. If a server ends on its own (a crash), it stops the others and the
 * database and fails (Maven exits non-zero). A PostgreSQL an earlier run left behind on the same
 * data folder is stopped before the start.
 *
 * <p>Arguments: {@code --wlp DIR --data DIR --topology monolith|split [--extract=MODULE] [--dev
 * PROJECT_DIR]} (the last: {@link #devMode}). Environment: {@code CLEAVE_HTTP_PORT} (the front
 * port, default 9080), {@code CLEAVE_EMBEDDED_DB_PORT} (default 15432), the {@code CLEAVE_DB_*}
 * variables of an external database, and {@code CLEAVE_TLS=on} with the {@code CLEAVE_HTTPS_PORT}
 * and {@code CLEAVE_TLS_*} variables for HTTPS at the front door (docs/configuration.md, "TLS").
 */
public final class CleaveLauncher {

  private CleaveLauncher() {}

  /**
   * What a system started here has that a deployment does not: the topology view open without
   * signing in ({@code CLEAVE_TOPOLOGY_OPEN=false} closes it to administrators again), so a
   * workshop's screen can show it.
   */
  static Map<String, String> developmentDefaults(Map<String, String> env) {
    return Map.of("CLEAVE_TOPOLOGY_OPEN", env.getOrDefault("CLEAVE_TOPOLOGY_OPEN", "true"));
  }

  /**
   * The Maven command dev mode runs in the project folder: the monolith and what it is built from.
   */
  static List<String> devCommand(Path root) {
    return List.of(
        root.resolve("mvnw").toString(),
        "-Dcleave.liberty.loose=true",
        "liberty:dev",
        "-pl",
        "deploy/liberty/monolith",
        "-am");
  }

  /**
   * {@code ./mvnw -Pdev}: the database and development keys as for {@code -Prun}, then Open
   * Liberty's dev mode on the monolith ({@link #devCommand}) with the environment the launcher
   * would give the server, plus {@code CLEAVE_APP_UPDATE_TRIGGER=polled} and {@code
   * CLEAVE_APP_LOCATION=monolith.war.xml} (the loose application dev mode deploys, not the built
   * WAR): a change to any module's code or to the storefront's pages is compiled and the
   * application reloaded. When dev mode ends ({@code q}, Ctrl-C) the database is stopped.
   *
   * @return dev mode's exit code
   */
  static int devMode(Path root, Path wlp, Path data, Topology topology, Map<String, String> env)
      throws InterruptedException {
    log("Starting the database for dev mode");
    LocalDeployment deployment =
        LocalDeployment.startExcept(
            new LocalDeployment.Options(
                wlp,
                data,
                topology,
                env,
                developmentDefaults(env),
                List.of(),
                null,
                CleaveLauncher::log),
            Set.of("monolith"));
    Process[] dev = new Process[1];
    AtomicBoolean stopping = new AtomicBoolean();
    Thread shutdown =
        new Thread(
            () -> {
              stopping.set(true);
              if (dev[0] != null) {
                dev[0].destroy();
                try {
                  dev[0].waitFor();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              deployment.close();
            },
            "cleave-dev-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    Map<String, String> server = new LinkedHashMap<>(deployment.environmentOf("monolith"));
    server.put("CLEAVE_APP_UPDATE_TRIGGER", "polled");
    server.put("CLEAVE_APP_LOCATION", "monolith.war.xml");
    // Each reload loads the application's classes again, and the old ones go only when the old
    // application is collected: more room than jvm.options' 256 MB keeps a long session going.
    server.put(
        "JVM_ARGS",
        (env.getOrDefault("JVM_ARGS", "") + " -XX:MaxMetaspaceSize=1g -Xmx768m").strip());
    ProcessBuilder builder =
        new ProcessBuilder(devCommand(root)).directory(root.toFile()).inheritIO();
    builder.environment().putAll(server);
    log("Dev mode: " + String.join(" ", devCommand(root)) + " (type q and Enter to stop)");
    try {
      dev[0] = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int code = dev[0].waitFor();
    if (stopping.get()) {
      return code; // Ctrl-C or SIGTERM: the shutdown hook stops dev mode, then the database
    }
    Runtime.getRuntime().removeShutdownHook(shutdown);
    deployment.close();
    log("Stopped.");
    return code;
  }

  public static void main(String[] args) throws InterruptedException {
    Path wlp = null;
    Path data = null;
    String topologyName = "monolith";
    String extract = "";
    Path devRoot = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("--extract=")) {
        extract = arg.substring("--extract=".length()).strip();
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + arg);
      }
      switch (arg) {
        case "--wlp" -> wlp = Path.of(args[++i]).toAbsolutePath().normalize();
        case "--data" -> data = Path.of(args[++i]).toAbsolutePath().normalize();
        case "--topology" -> topologyName = args[++i];
        case "--dev" -> devRoot = Path.of(args[++i]).toAbsolutePath().normalize();
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    if (wlp == null || data == null) {
      throw new IllegalArgumentException(
          "usage: --wlp DIR --data DIR --topology monolith|split [--extract=MODULE]");
    }
    if (!extract.isEmpty() && !extract.startsWith("${")) {
      if (topologyName.equals("monolith")) {
        // The default build makes the monolith only: an extraction would start stale servers.
        throw new IllegalArgumentException(
            "-Dcleave.extract="
                + extract
                + " needs the split build: ./mvnw -Psplit -Prun -Dcleave.extract="
                + extract);
      }
      topologyName = "extract:" + extract;
    }
    Map<String, String> env = System.getenv();
    int front = Integer.parseInt(env.getOrDefault("CLEAVE_HTTP_PORT", "9080"));
    Topology topology =
        Topology.of(
            topologyName,
            "cleave",
            server -> server.equals("front") ? front : Topology.DEFAULT_PORTS.get(server));
    if (!env.containsKey("CLEAVE_ADMIN_EMAIL")) {
      log(
          "No first administrator configured: set CLEAVE_ADMIN_EMAIL and CLEAVE_ADMIN_PASSWORD to"
              + " make one");
    }
    if (devRoot != null) {
      if (!topology.name().equals("monolith")) {
        throw new IllegalArgumentException(
            "dev mode runs the monolith only, not " + topology.name());
      }
      int code = devMode(devRoot, wlp, data, topology, env);
      if (code != 0) {
        throw new ServerEndedException("Liberty dev mode ended with exit code " + code);
      }
      return;
    }
    boolean oneServer = topology.nodes().size() == 1;
    Path logs = oneServer ? null : data.resolve("logs");
    log(
        "Starting the "
            + topology.name()
            + " system"
            + (logs == null ? "" : " (server consoles in " + logs + ")"));

    LocalDeployment[] started = new LocalDeployment[1];
    AtomicBoolean stopping = new AtomicBoolean();
    Thread shutdown =
        new Thread(
            () -> {
              stopping.set(true);
              if (started[0] != null) {
                log(
                    "Stopping "
                        + topology.nodes().stream()
                            .map(Topology.Node::server)
                            .collect(Collectors.joining(", ")));
                started[0].close();
                log("Stopped.");
              }
            },
            "cleave-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    LocalDeployment deployment =
        LocalDeployment.start(
            new LocalDeployment.Options(
                wlp,
                data,
                topology,
                env,
                developmentDefaults(env),
                List.of(),
                logs,
                CleaveLauncher::log));
    started[0] = deployment;
    // With TLS on and plain HTTP redirected or refused, the URLs to use are the HTTPS ones.
    TransportPolicy.Http plain = deployment.transportPolicy().http();
    String base =
        deployment
            .frontHttpsUri()
            .filter(https -> plain != TransportPolicy.Http.SERVE)
            .orElse(deployment.frontUri())
            .toString();
    log(
        "Cleave ("
            + topology.name()
            + ") is ready in "
            + LocalDeployment.seconds(deployment.allReadyAfter())
            + " at "
            + base
            + "  (API "
            + base
            + "/api/v1/products, log in at "
            + base
            + "/api/v1/auth/login, health "
            + base
            + "/health/ready)");
    deployment
        .frontHttpsUri()
        .ifPresent(
            https ->
                log(
                    "  HTTPS "
                        + https
                        + ", plain HTTP "
                        + deployment.frontUri()
                        + " "
                        + switch (plain) {
                          case REFUSE -> "refused but for /health";
                          case SERVE -> "served as well";
                          case REDIRECT -> "redirected but for /health";
                        }));
    if (!oneServer) {
      topology
          .nodes()
          .forEach(
              node ->
                  log(
                      "  "
                          + node.server()
                          + "  "
                          + deployment.serverUri(node.server())
                          + (node.isGateway()
                              ? "  (front door)"
                              : "  (OpenAPI UI "
                                  + deployment.serverUri(node.server())
                                  + "/openapi/ui)")));
    } else {
      log("  OpenAPI UI " + base + "/openapi/ui");
    }
    log("Press Ctrl-C to stop.");
    LibertyServer ended = deployment.awaitAnyExit();
    if (stopping.get()) {
      return; // Ctrl-C or SIGTERM: the shutdown hook stops the rest
    }
    // A server ended on its own (a crash, the OOM killer, a kill by hand): a supervisor must see a
    // failure, and nothing may be left running, the database included.
    int code = ended.exitValue();
    log(
        "Server "
            + ended.name()
            + " ended unexpectedly with exit code "
            + code
            + (code > 128 ? " (signal " + (code - 128) + ")" : "")
            + "; stopping everything else");
    Runtime.getRuntime().removeShutdownHook(shutdown);
    deployment.close();
    log("Stopped. Run the same command again to start afresh (the data is kept).");
    throw new ServerEndedException(
        "Cleave server "
            + ended.name()
            + " ended unexpectedly with exit code "
            + code
            + "; the other servers and the database were stopped");
  }

  /** A server of the running system ended without being asked to: the launcher's failure. */
  static final class ServerEndedException extends RuntimeException {
    ServerEndedException(String message) {
      super(message, null, false, false);
    }
  }

  private static void log(String message) {
    System.out.println("[cleave] " + message);
  }
}
