package dev.cleave.launcher;

import dev.cleave.platform.https.TransportPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * A running Cleave of some {@link Topology}: the database (embedded unless {@code CLEAVE_DB_HOST}
 * is set), the token keys, and every server, launched together and awaited until each is ready.
 * Used by {@code ./mvnw -Prun} (through {@link CleaveLauncher}) and by the API suite, so both run
 * the same shape the same way. Closing it stops the servers, then the database, leaving no process
 * behind.
 *
 * <p>Keys (ADR 9): the user module signs with the user key pair; each server that calls other
 * services signs with a pair of its own. Every server verifies with a JWKS of all of them, and
 * knows which are service keys (tokens signed with one may carry the {@code service} role only).
 */
public final class LocalDeployment implements AutoCloseable {

  /**
   * What to start.
   *
   * @param wlp the Liberty installation
   * @param data where the database, keys and server logs live
   * @param topology the shape
   * @param environment this process's environment (an external database, configured keys)
   * @param serverEnvironment further variables for every server (tests: timings, the first admin,
   *     ...)
   * @param trustedServiceKeys public keys (PEM files) of further callers to trust as services
   * @param logs where each server's console goes ({@code <server>.log}); {@code null} to inherit
   *     the console
   */
  public record Options(
      Path wlp,
      Path data,
      Topology topology,
      Map<String, String> environment,
      Map<String, String> serverEnvironment,
      List<Path> trustedServiceKeys,
      Path logs,
      Consumer<String> progress) {}

  /** Loopback, IPv4 and IPv6: where the gateway's requests come from on one machine. */
  private static final String LOOPBACK = "127.0.0.1,0:0:0:0:0:0:0:1";

  private final Topology topology;
  private final List<LibertyServer> servers = new ArrayList<>();
  private final Map<String, Duration> readyAfter = new LinkedHashMap<>();
  private final Map<String, DatabaseSettings> databases = new LinkedHashMap<>();
  private EmbeddedDatabase embedded;
  private DevKeys.KeyFiles userKeys;
  private DevCertificate devCertificate;
  private URI frontHttpsUri;
  private TransportPolicy transportPolicy = TransportPolicy.off();
  private Duration allReadyAfter;
  private boolean closed;
  private final Set<String> runElsewhere;
  private Map<String, Map<String, String>> environments = Map.of();

  private LocalDeployment(Topology topology, Set<String> runElsewhere) {
    this.topology = topology;
    this.runElsewhere = Set.copyOf(runElsewhere);
  }

  /** Starts everything; on any failure stops what was started and rethrows. */
  public static LocalDeployment start(Options options) {
    return startExcept(options, Set.of());
  }

  /**
   * Starts the database, the keys and every server but those named, which something else runs
   * (Liberty's dev mode runs the monolith itself): each one's environment is ready in {@link
   * #environmentOf}. On any failure stops what was started and rethrows.
   */
  public static LocalDeployment startExcept(Options options, Set<String> runElsewhere) {
    LocalDeployment deployment = new LocalDeployment(options.topology(), runElsewhere);
    try {
      deployment.launch(options);
      return deployment;
    } catch (RuntimeException e) {
      deployment.close();
      throw e;
    }
  }

  private void launch(Options options) {
    Consumer<String> progress = options.progress();
    Map<String, String> env = options.environment();
    DatabaseSettings external = DatabaseSettings.fromEnvironment(env);
    if (external == null) {
      int port = Integer.parseInt(env.getOrDefault("CLEAVE_EMBEDDED_DB_PORT", "15432"));
      Path folder = options.data().resolve("postgres");
      EmbeddedDatabase.stopLeftover(folder)
          .ifPresent(
              pid ->
                  progress.accept(
                      "Stopped PostgreSQL (pid "
                          + pid
                          + ") left running on "
                          + folder
                          + " by an earlier run that ended without stopping it"));
      EmbeddedDatabase.Durability durability = EmbeddedDatabase.Durability.fromEnvironment(env);
      progress.accept(
          "Starting embedded PostgreSQL on port "
              + port
              + " (data in "
              + folder
              + ", "
              + (durability == EmbeddedDatabase.Durability.DURABLE
                  ? "durable commits"
                  : "fsync and synchronous_commit OFF: a crash may lose confirmed orders")
              + "), databases "
              + topology.databases());
      embedded = EmbeddedDatabase.start(folder, port, topology.databases(), durability);
      topology.databases().forEach(name -> databases.put(name, embedded.settings(name)));
    } else {
      // One external database: the modules' schemas never collide, so every server may share it
      // (CLEAVE_<MODULE>_DB_NAME points a module at a database of its own).
      progress.accept(
          "Using external PostgreSQL at "
              + external.host()
              + ":"
              + external.port()
              + "/"
              + external.name());
      topology.databases().forEach(name -> databases.put(name, external));
    }
    environments = environments(options);

    Instant start = Instant.now();
    for (Topology.Node node : topology.nodes()) {
      if (runElsewhere.contains(node.server())) {
        continue;
      }
      progress.accept(
          "Starting "
              + node.server()
              + " on port "
              + node.port()
              + (node.modules().isEmpty()
                  ? ""
                  : " (modules " + String.join(", ", node.modules()) + ")"));
      if (LibertyServer.stopLeftover(
          options.wlp(), node.server(), environments.get(node.server()))) {
        progress.accept(
            "Stopped "
                + node.server()
                + ", left running by an earlier run that ended without stopping it");
      }
      Path log = options.logs() == null ? null : options.logs().resolve(node.server() + ".log");
      servers.add(
          LibertyServer.launch(
              options.wlp(), node.server(), node.port(), environments.get(node.server()), log));
    }
    for (LibertyServer server : servers) {
      Duration took = server.awaitReady(Duration.ofMinutes(3));
      readyAfter.put(server.name(), took);
      progress.accept(server.name() + " ready in " + seconds(took) + " at " + server.baseUri());
    }
    allReadyAfter = Duration.between(start, Instant.now());
  }

  private Map<String, Map<String, String>> environments(Options options) {
    Map<String, String> env = options.environment();
    boolean keysConfigured =
        env.containsKey("CLEAVE_JWT_PUBLIC_KEY_LOCATION")
            || env.containsKey("CLEAVE_JWT_PRIVATE_KEY_LOCATION")
            || env.containsKey("CLEAVE_JWT_PRIVATE_KEY");
    boolean callers = topology.nodes().stream().anyMatch(Topology.Node::callsServices);
    Map<String, String> common = new LinkedHashMap<>();
    Map<String, DevKeys.KeyFiles> serviceKeys = new LinkedHashMap<>();
    if (keysConfigured && callers) {
      throw new IllegalStateException(
          "The "
              + topology.name()
              + " system needs a key pair per calling service: the launcher makes development keys,"
              + " so unset CLEAVE_JWT_* (deployments configure keys per server, see"
              + " docs/split.md)");
    }
    if (!keysConfigured) {
      Path keys = options.data().resolve("keys");
      userKeys = DevKeys.ensure(keys);
      List<Path> verification = new ArrayList<>(List.of(userKeys.publicKey()));
      List<Path> services = new ArrayList<>(options.trustedServiceKeys());
      for (Topology.Node node : topology.nodes()) {
        if (node.callsServices()) {
          DevKeys.KeyFiles pair = DevKeys.ensure(keys.resolve(node.server()));
          serviceKeys.put(node.server(), pair);
          services.add(pair.publicKey());
        }
      }
      verification.addAll(services);
      common.put(
          "CLEAVE_JWT_PUBLIC_KEY_LOCATION",
          DevKeys.writeJwks(keys.resolve("verify.jwks"), verification.toArray(Path[]::new))
              .toString());
      if (!services.isEmpty()) {
        common.put(
            "CLEAVE_JWT_SERVICE_KEYS_LOCATION",
            DevKeys.writeJwks(keys.resolve("service-keys.jwks"), services.toArray(Path[]::new))
                .toString());
      }
      options.progress().accept("Signing tokens with development keys in " + keys);
    }
    if (!topology.front().isGateway()) {
      common.putAll(options.serverEnvironment());
    }
    if (topology.nodes().size() > 1) {
      // glibc keeps a malloc arena per core and thread burst; two suffice for one module, and
      // several
      // JVMs on one machine then use noticeably less memory (docs/split.md).
      common.put("MALLOC_ARENA_MAX", options.environment().getOrDefault("MALLOC_ARENA_MAX", "2"));
    }
    Map<String, String> tls = tlsEnvironment(options);
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    for (Topology.Node node : topology.nodes()) {
      Map<String, String> own = new LinkedHashMap<>(common);
      // TLS is the front door's; the others are told so, whatever this process's environment says.
      own.putAll(node.equals(topology.front()) ? tls : Map.of("CLEAVE_TLS", "off"));
      if (!node.isGateway()) {
        own.putAll(databases.get(node.database()).toEnvironment());
      }
      // On this machine the gateway's requests come from loopback.
      own.putAll(topology.wiring(node, this::uri, LOOPBACK));
      if (topology.front().isGateway()) {
        own.putAll(options.serverEnvironment());
      }
      if (node.modules().contains("user") && userKeys != null) {
        own.put("CLEAVE_JWT_PRIVATE_KEY_LOCATION", userKeys.privateKey().toString());
      }
      DevKeys.KeyFiles pair = serviceKeys.get(node.server());
      if (pair != null) {
        own.put("CLEAVE_SERVICE_PRIVATE_KEY_LOCATION", pair.privateKey().toString());
      }
      result.put(node.server(), own);
    }
    return result;
  }

  /**
   * The front door's TLS settings when {@code CLEAVE_TLS=on}: the HTTPS port ({@code
   * CLEAVE_HTTPS_PORT}, default 9443), what plain HTTP gets and the HSTS value as configured, and
   * the keystore configured with {@code CLEAVE_TLS_KEYSTORE} and {@code
   * CLEAVE_TLS_KEYSTORE_PASSWORD}, or else a {@link DevCertificate} in the data folder.
   */
  private Map<String, String> tlsEnvironment(Options options) {
    Map<String, String> env = options.environment();
    // The servers' own parser: a setting that is none of its values fails here, before any start.
    String port = env.get("CLEAVE_HTTPS_PORT");
    try {
      transportPolicy =
          TransportPolicy.parse(
              env.get("CLEAVE_TLS"),
              port == null ? null : Integer.valueOf(port.strip()),
              env.get("CLEAVE_TLS_HTTP"),
              env.get("CLEAVE_TLS_HSTS"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("CLEAVE_HTTPS_PORT must be a port, not '" + port + "'", e);
    }
    if (!transportPolicy.on()) {
      return Map.of("CLEAVE_TLS", "off");
    }
    Map<String, String> tls = new LinkedHashMap<>();
    tls.put("CLEAVE_TLS", "on");
    tls.put("CLEAVE_HTTPS_PORT", String.valueOf(transportPolicy.httpsPort()));
    for (String name : List.of("CLEAVE_TLS_HTTP", "CLEAVE_TLS_HSTS")) {
      if (env.containsKey(name)) {
        tls.put(name, env.get(name));
      }
    }
    if (env.containsKey("CLEAVE_TLS_KEYSTORE")) {
      if (!env.containsKey("CLEAVE_TLS_KEYSTORE_PASSWORD")) {
        throw new IllegalStateException(
            "CLEAVE_TLS_KEYSTORE is set without CLEAVE_TLS_KEYSTORE_PASSWORD");
      }
      tls.put("CLEAVE_TLS_KEYSTORE", env.get("CLEAVE_TLS_KEYSTORE"));
      tls.put("CLEAVE_TLS_KEYSTORE_PASSWORD", env.get("CLEAVE_TLS_KEYSTORE_PASSWORD"));
      options.progress().accept("HTTPS with the keystore " + env.get("CLEAVE_TLS_KEYSTORE"));
    } else {
      devCertificate = DevCertificate.ensure(options.data().resolve("tls"));
      tls.put("CLEAVE_TLS_KEYSTORE", devCertificate.keystore().toString());
      tls.put("CLEAVE_TLS_KEYSTORE_PASSWORD", devCertificate.password());
      options
          .progress()
          .accept(
              "HTTPS with a self-signed development certificate (trust "
                  + devCertificate.certificate()
                  + ", e.g. curl --cacert)");
    }
    frontHttpsUri = URI.create("https://localhost:" + transportPolicy.httpsPort());
    return tls;
  }

  private URI uri(String server) {
    return URI.create("http://localhost:" + topology.node(server).orElseThrow().port());
  }

  public Topology topology() {
    return topology;
  }

  /** Where clients talk to the system. */
  public URI frontUri() {
    return uri(topology.front().server());
  }

  /** Where clients talk to the system over HTTPS, when TLS is on. */
  public Optional<URI> frontHttpsUri() {
    return Optional.ofNullable(frontHttpsUri);
  }

  /** What the front door does with plain HTTP and HTTPS (off unless {@code CLEAVE_TLS=on}). */
  public TransportPolicy transportPolicy() {
    return transportPolicy;
  }

  /** The development certificate the launcher made; empty when TLS is off or configured. */
  public Optional<DevCertificate> devCertificate() {
    return Optional.ofNullable(devCertificate);
  }

  /** Where a server answers. */
  public URI serverUri(String server) {
    return uri(server);
  }

  /** The database holding a module's schema. */
  public DatabaseSettings database(String module) {
    return databases.get(topology.holderOf(module).database());
  }

  /** The user key pair the launcher made; null when keys were configured. */
  public DevKeys.KeyFiles userKeys() {
    return userKeys;
  }

  /** Launch-to-ready time of each server. */
  public Map<String, Duration> readyAfter() {
    return readyAfter;
  }

  /** From the first launch until the last server was ready. */
  public Duration allReadyAfter() {
    return allReadyAfter;
  }

  public synchronized List<LibertyServer> servers() {
    return List.copyOf(servers);
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  /** The running server of that name. */
  public synchronized LibertyServer server(String name) {
    return servers.stream()
        .filter(server -> server.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No server " + name + " in the " + topology.name() + " shape"));
  }

  /**
   * Blocks until one of the servers ends, for whatever reason, and returns it (a supervisor's
   * wait).
   */
  public LibertyServer awaitAnyExit() throws InterruptedException {
    List<LibertyServer> watched = servers();
    CompletableFuture<?>[] exits =
        watched.stream()
            .map(server -> server.onExit().thenApply(p -> server))
            .toArray(CompletableFuture[]::new);
    try {
      return (LibertyServer) CompletableFuture.anyOf(exits).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Kills one server ({@link LibertyServer#kill()}): a crash, for fault tests. */
  public void kill(String name) {
    server(name).kill();
  }

  /**
   * Launches a killed or stopped server again and waits until it is ready.
   *
   * @return how long it took from launch to ready
   */
  public Duration restart(String name) {
    LibertyServer relaunched;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("The deployment is closed");
      }
      LibertyServer old = server(name);
      relaunched = old.relaunch();
      servers.set(servers.indexOf(old), relaunched);
    }
    return relaunched.awaitReady(Duration.ofMinutes(3));
  }

  /**
   * What a server of this deployment runs with: its database, keys, wiring and port ({@code
   * CLEAVE_HTTP_PORT}), as the launcher gives it to a server it starts.
   */
  public Map<String, String> environmentOf(String server) {
    Topology.Node node =
        topology
            .node(server)
            .orElseThrow(() -> new IllegalArgumentException("no server " + server));
    Map<String, String> environment =
        new LinkedHashMap<>(environments.getOrDefault(server, Map.of()));
    environment.put("CLEAVE_HTTP_PORT", Integer.toString(node.port()));
    return environment;
  }

  /**
   * Stops the servers (all at once: each stop waits for its own server), then the embedded
   * database; idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<Thread> stopping = new ArrayList<>();
    for (LibertyServer server : servers) {
      Thread thread = new Thread(server::close, "stop-" + server.name());
      thread.start();
      stopping.add(thread);
    }
    for (Thread thread : stopping) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (embedded != null) {
      embedded.close();
    }
  }
}
