package dev.cleave.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central, keeping its data in a
 * folder of the build between runs. Local connections are trusted (it listens on loopback only), so
 * it needs no password; an external database is used instead whenever {@code CLEAVE_DB_HOST} is
 * set.
 *
 * <p>Durable by default: {@code fsync=on} and {@code synchronous_commit=on}, so an order the API
 * has confirmed survives a crash of PostgreSQL or of the machine. (The embedded library's own
 * defaults, {@code -F} and {@code synchronous_commit=off}, are for throw-away test databases.)
 * {@link Durability#FAST} turns both off, only for benchmark comparisons ({@code
 * CLEAVE_EMBEDDED_DB_DURABILITY=fast}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

  /** Whether a commit waits for its WAL on disk. */
  public enum Durability {
    /** {@code fsync=on}, {@code synchronous_commit=on}: what a shop runs with; the default. */
    DURABLE,
    /**
     * {@code fsync=off}, {@code synchronous_commit=off}: a crash may lose confirmed commits;
     * benchmarks only.
     */
    FAST;

    /** {@code CLEAVE_EMBEDDED_DB_DURABILITY}: {@code durable} (default) or {@code fast}. */
    public static Durability fromEnvironment(Map<String, String> environment) {
      String value = environment.getOrDefault("CLEAVE_EMBEDDED_DB_DURABILITY", "durable").strip();
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "durable", "" -> DURABLE;
        case "fast" -> FAST;
        default ->
            throw new IllegalArgumentException(
                "CLEAVE_EMBEDDED_DB_DURABILITY must be durable or fast, not '" + value + "'");
      };
    }
  }

  private final EmbeddedPostgres postgres;
  private final DatabaseSettings settings;
  private final Path dataDirectory;
  private final int port;
  private final List<String> databases;
  private final Durability durability;

  private EmbeddedDatabase(
      EmbeddedPostgres postgres,
      DatabaseSettings settings,
      Path dataDirectory,
      int port,
      List<String> databases,
      Durability durability) {
    this.postgres = postgres;
    this.settings = settings;
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.databases = List.copyOf(databases);
    this.durability = durability;
  }

  /**
   * Starts PostgreSQL on {@code port} with its data in {@code dataDirectory} (created and
   * initialised on first use, kept afterwards) and makes sure the given databases exist.
   */
  public static EmbeddedDatabase start(Path dataDirectory, int port, List<String> databases) {
    return start(dataDirectory, port, databases, Durability.DURABLE);
  }

  /** As {@link #start(Path, int, List)}, with the given durability. */
  public static EmbeddedDatabase start(
      Path dataDirectory, int port, List<String> databases, Durability durability) {
    try {
      Files.createDirectories(dataDirectory.getParent());
      String on = durability == Durability.DURABLE ? "on" : "off";
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "200")
              .setServerConfig("timezone", "UTC")
              // Given as -c options after the library's -F, so they win over it.
              .setServerConfig("fsync", on)
              .setServerConfig("synchronous_commit", on)
              .start();
      try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
        for (String database : databases) {
          createIfMissing(connection, database);
        }
      }
      return new EmbeddedDatabase(
          postgres,
          new DatabaseSettings(
              "localhost", postgres.getPort(), databases.get(0), "postgres", "postgres"),
          dataDirectory,
          port,
          databases,
          durability);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the embedded PostgreSQL in " + dataDirectory, e);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the Cleave databases", e);
    }
  }

  /**
   * Stops a PostgreSQL left running on this data folder by an earlier run that died without
   * stopping it (its {@code postmaster.pid} names a live postgres process serving this very
   * folder): a fast shutdown (SIGINT: open transactions roll back, committed ones are on disk),
   * then, if it is still there after 30 s, an immediate one (SIGQUIT: the next start replays the
   * WAL). A lock file of a process that is gone is left to PostgreSQL, which removes it itself.
   *
   * @return the process id of the server that was stopped, if there was one
   */
  public static Optional<Long> stopLeftover(Path dataDirectory) {
    Path lock = dataDirectory.resolve("postmaster.pid");
    List<String> lines;
    try {
      if (!Files.isRegularFile(lock)) {
        return Optional.empty();
      }
      lines = Files.readAllLines(lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + lock, e);
    }
    if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
      return Optional.empty();
    }
    long pid = Long.parseLong(lines.get(0).strip());
    Optional<ProcessHandle> process =
        ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    if (process.isEmpty() || !samePath(Path.of(lines.get(1).strip()), dataDirectory)) {
      return Optional.empty();
    }
    if (!signal(pid, "INT", process.get(), Duration.ofSeconds(30))
        && !signal(pid, "QUIT", process.get(), Duration.ofSeconds(30))) {
      throw new IllegalStateException(
          "PostgreSQL (pid " + pid + ") on " + dataDirectory + " does not stop; stop it by hand");
    }
    return Optional.of(pid);
  }

  private static boolean samePath(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  /** Sends a signal with kill(1) and waits for the process to end; true if it did. */
  private static boolean signal(long pid, String signal, ProcessHandle process, Duration wait) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
      process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping PostgreSQL " + pid, e);
    } catch (IOException | ExecutionException e) {
      throw new IllegalStateException("Could not signal PostgreSQL " + pid, e);
    }
  }

  /** The postmaster's process id, from its lock file; empty when it is not running. */
  public Optional<Long> postmasterPid() {
    try {
      List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
      long pid = Long.parseLong(lines.get(0).strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Kills the postmaster and every backend at once with SIGKILL, as a crash of the database server
   * would (for tests): no checkpoint, no shutdown record; only what reached the WAL survives.
   * Returns when every process is gone. {@link #restart()} starts it again.
   */
  public void crash() {
    ProcessHandle postmaster =
        postmasterPid()
            .flatMap(ProcessHandle::of)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "PostgreSQL on " + dataDirectory + " is not running"));
    List<ProcessHandle> tree = new ArrayList<>(postmaster.descendants().toList());
    tree.add(0, postmaster);
    tree.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle process : tree) {
      process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }
    try {
      // The lock file of a server that is certainly gone: the restart must not mistake it for a
      // live one.
      Files.deleteIfExists(dataDirectory.resolve("postmaster.pid"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts the server again on the same folder, port, databases and durability, after {@link
   * #crash()} or {@link #close()}; after a crash PostgreSQL replays its WAL first. This instance is
   * done with.
   */
  public EmbeddedDatabase restart() {
    try {
      postgres.close(); // releases the library's lock on the folder; the server is already gone
    } catch (IOException e) {
      // the stop of a server that is no longer there may fail; the lock is released either way
    }
    return start(dataDirectory, port, databases, durability);
  }

  private static void createIfMissing(Connection connection, String database) throws SQLException {
    if (!database.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    try (PreparedStatement exists =
        connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
    }
    try (Statement create = connection.createStatement()) {
      create.execute("create database " + database);
    }
  }

  public Durability durability() {
    return durability;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public int port() {
    return port;
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /** Settings for another database on the same server. */
  public DatabaseSettings settings(String database) {
    return new DatabaseSettings(
        settings.host(), settings.port(), database, settings.user(), settings.password());
  }

  /** Stops the server (fast shutdown); the data folder stays. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
    }
  }
}
