package dev.cleave.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./mvnw -Prun} ends here: starts the database (embedded unless {@code CLEAVE_DB_HOST} is set),
 * makes a development JWT key pair (unless keys are configured with {@code CLEAVE_JWT_*}), starts the
 * Liberty server(s), prints where they answer, and on Ctrl-C or SIGTERM stops the servers and then the
 * database, leaving no process behind.
 *
 * <p>Arguments: {@code --wlp DIR --data DIR --server NAME[:PORT] ...}. Environment:
 * {@code CLEAVE_HTTP_PORT} (first server's port, default 9080), {@code CLEAVE_EMBEDDED_DB_PORT}
 * (default 15432), and the {@code CLEAVE_DB_*} variables of an external database.
 */
public final class CleaveLauncher {

  private CleaveLauncher() {
  }

  public static void main(String[] args) throws InterruptedException {
    Path wlp = null;
    Path data = null;
    List<String> servers = new ArrayList<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--wlp" -> wlp = Path.of(args[i + 1]).toAbsolutePath().normalize();
        case "--data" -> data = Path.of(args[i + 1]).toAbsolutePath().normalize();
        case "--server" -> servers.add(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (wlp == null || data == null || servers.isEmpty()) {
      throw new IllegalArgumentException("usage: --wlp DIR --data DIR --server NAME[:PORT] ...");
    }
    Map<String, String> env = System.getenv();
    Stack stack = new Stack();
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "cleave-shutdown"));

    Map<String, String> serverEnv = new LinkedHashMap<>();
    DatabaseSettings database = DatabaseSettings.fromEnvironment(env);
    if (database == null) {
      int port = Integer.parseInt(env.getOrDefault("CLEAVE_EMBEDDED_DB_PORT", "15432"));
      log("Starting embedded PostgreSQL on port " + port + " (data in " + data.resolve("postgres") + ")");
      EmbeddedDatabase embedded = EmbeddedDatabase.start(data.resolve("postgres"), port, List.of("cleave"));
      stack.database = embedded;
      database = embedded.settings();
    } else {
      log("Using external PostgreSQL at " + database.host() + ":" + database.port() + "/" + database.name());
    }
    serverEnv.putAll(database.toEnvironment());
    if (!env.containsKey("CLEAVE_JWT_PUBLIC_KEY_LOCATION") && !env.containsKey("CLEAVE_JWT_PRIVATE_KEY_LOCATION")
        && !env.containsKey("CLEAVE_JWT_PRIVATE_KEY")) {
      DevKeys.KeyFiles keys = DevKeys.ensure(data.resolve("keys"));
      log("Signing tokens with the development key pair in " + keys.publicKey().getParent());
      serverEnv.put("CLEAVE_JWT_PUBLIC_KEY_LOCATION", keys.publicKey().toString());
      serverEnv.put("CLEAVE_JWT_PRIVATE_KEY_LOCATION", keys.privateKey().toString());
    }
    if (!env.containsKey("CLEAVE_ADMIN_EMAIL")) {
      log("No first administrator configured: set CLEAVE_ADMIN_EMAIL and CLEAVE_ADMIN_PASSWORD to make one");
    }

    int defaultPort = Integer.parseInt(env.getOrDefault("CLEAVE_HTTP_PORT", "9080"));
    for (String spec : servers) {
      String[] parts = spec.split(":", 2);
      int port = parts.length == 2 ? Integer.parseInt(parts[1]) : defaultPort;
      log("Starting Liberty server " + parts[0] + " on port " + port);
      LibertyServer server = LibertyServer.launch(wlp, parts[0], port, serverEnv, null);
      stack.servers.add(server);
      Duration took = server.awaitReady(Duration.ofMinutes(3));
      log(parts[0] + " ready in " + took.toMillis() / 100 / 10.0 + " s at " + server.baseUri()
          + "  (API " + server.baseUri() + "/api/v1/products, log in at " + server.baseUri() + "/api/v1/auth/login, "
          + "OpenAPI UI " + server.baseUri() + "/openapi/ui)");
    }
    log("Cleave is running. Press Ctrl-C to stop.");
    for (LibertyServer server : stack.servers) {
      server.waitFor();
    }
  }

  private static void log(String message) {
    System.out.println("[cleave] " + message);
  }

  /** Everything started, stopped in reverse order exactly once. */
  private static final class Stack {
    private final List<LibertyServer> servers = new ArrayList<>();
    private EmbeddedDatabase database;
    private boolean closed;

    synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      for (int i = servers.size() - 1; i >= 0; i--) {
        log("Stopping " + servers.get(i).name());
        servers.get(i).close();
      }
      if (database != null) {
        log("Stopping embedded PostgreSQL");
        database.close();
      }
      log("Stopped.");
    }
  }
}
