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
import java.util.List;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central, keeping its data in a folder
 * of the build between runs. Local connections are trusted (it listens on loopback only), so it
 * needs no password; an external database is used instead whenever {@code CLEAVE_DB_HOST} is set.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final DatabaseSettings settings;

  private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseSettings settings) {
    this.postgres = postgres;
    this.settings = settings;
  }

  /**
   * Starts PostgreSQL on {@code port} with its data in {@code dataDirectory} (created and initialised
   * on first use, kept afterwards) and makes sure the given databases exist.
   */
  public static EmbeddedDatabase start(Path dataDirectory, int port, List<String> databases) {
    try {
      Files.createDirectories(dataDirectory.getParent());
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setPort(port)
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("max_connections", "200")
          .setServerConfig("timezone", "UTC")
          .start();
      try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
        for (String database : databases) {
          createIfMissing(connection, database);
        }
      }
      return new EmbeddedDatabase(postgres,
          new DatabaseSettings("localhost", postgres.getPort(), databases.get(0), "postgres", "postgres"));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the Cleave databases", e);
    }
  }

  private static void createIfMissing(Connection connection, String database) throws SQLException {
    if (!database.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
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

  public DatabaseSettings settings() {
    return settings;
  }

  /** Settings for another database on the same server. */
  public DatabaseSettings settings(String database) {
    return new DatabaseSettings(settings.host(), settings.port(), database, settings.user(), settings.password());
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
