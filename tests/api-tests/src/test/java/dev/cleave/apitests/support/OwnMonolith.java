package dev.cleave.apitests.support;

import dev.cleave.launcher.DevKeys;
import dev.cleave.launcher.EmbeddedDatabase;
import dev.cleave.launcher.LibertyServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A monolith of a test's own on an embedded PostgreSQL of its own, for the tests that crash one or
 * the other: a fresh folder every run (as the main suite has), the suite's token keys, the suite's
 * checkout timing. Closing it stops the server, then the database.
 */
public final class OwnMonolith implements AutoCloseable {

  private final Path work;
  private final String databaseName;
  private final Map<String, String> environment;
  private EmbeddedDatabase database;
  private LibertyServer server;

  /**
   * Starts the database in {@code <the suite's work folder's parent>/<folder>}; the server starts
   * with {@link #launch}.
   */
  public OwnMonolith(String folder, String databaseName) {
    DevKeys.KeyFiles keys = CleaveSystem.keys().orElseThrow();
    this.work =
        Path.of(System.getProperty("cleave.test.workDir", "target/api-test-env"))
            .toAbsolutePath()
            .resolveSibling(folder);
    this.databaseName = databaseName;
    CleaveSystem.deleteRecursively(work);
    database =
        EmbeddedDatabase.start(
            work.resolve("postgres"), CleaveSystem.freePort(), List.of(databaseName));
    environment = new LinkedHashMap<>(database.settings().toEnvironment());
    environment.put("CLEAVE_JWT_PUBLIC_KEY_LOCATION", keys.publicKey().toString());
    environment.put("CLEAVE_JWT_PRIVATE_KEY_LOCATION", keys.privateKey().toString());
    environment.put("WLP_OUTPUT_DIR", work.resolve("liberty-output").toString());
    environment.putAll(CleaveSystem.CHECKOUT_TIMING);
  }

  /**
   * Launches the monolith (a previous one must have ended) with further variables, its console in
   * {@code <console>.log}, and waits until it is ready.
   */
  public LibertyServer launch(Map<String, String> extra, String console) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.putAll(extra);
    server =
        LibertyServer.launch(
            Path.of(System.getProperty("cleave.wlp")),
            System.getProperty("cleave.server", "monolith"),
            CleaveSystem.freePort(),
            env,
            work.resolve(console + ".log"));
    server.awaitReady(Duration.ofMinutes(3));
    return server;
  }

  public LibertyServer server() {
    return server;
  }

  public String baseUrl() {
    return server.baseUri().toString();
  }

  public EmbeddedDatabase database() {
    return database;
  }

  /** Kills PostgreSQL at once ({@link EmbeddedDatabase#crash()}). */
  public void crashDatabase() {
    database.crash();
  }

  /** Starts PostgreSQL again on the same folder and port. */
  public void restartDatabase() {
    database = database.restart();
  }

  /** The modules' tables, read-only. */
  public Ledgers ledgers() {
    return Ledgers.of(database.settings(databaseName));
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }
}
