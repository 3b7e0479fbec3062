package dev.cleave.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL as the launcher runs it: durable by default, and no orphan survives a new
 * start.
 */
class EmbeddedDatabaseTest {

  @TempDir Path folder;

  @Test
  void commitsAreDurableByDefault() throws Exception {
    try (EmbeddedDatabase database =
        EmbeddedDatabase.start(folder.resolve("pg"), freePort(), List.of("durable_db"))) {
      assertThat(database.durability()).isEqualTo(EmbeddedDatabase.Durability.DURABLE);
      assertThat(setting(database, "fsync")).isEqualTo("on");
      assertThat(setting(database, "synchronous_commit")).isEqualTo("on");
    }
  }

  @Test
  void theFastSwitchTurnsBothOff() throws Exception {
    try (EmbeddedDatabase database =
        EmbeddedDatabase.start(
            folder.resolve("pg"),
            freePort(),
            List.of("fast_db"),
            EmbeddedDatabase.Durability.FAST)) {
      assertThat(setting(database, "fsync")).isEqualTo("off");
      assertThat(setting(database, "synchronous_commit")).isEqualTo("off");
    }
  }

  @Test
  void theSwitchIsReadFromTheEnvironmentAndRefusesOtherWords() {
    assertThat(EmbeddedDatabase.Durability.fromEnvironment(Map.of()))
        .isEqualTo(EmbeddedDatabase.Durability.DURABLE);
    assertThat(
            EmbeddedDatabase.Durability.fromEnvironment(
                Map.of("CLEAVE_EMBEDDED_DB_DURABILITY", "FAST")))
        .isEqualTo(EmbeddedDatabase.Durability.FAST);
    assertThatThrownBy(
            () ->
                EmbeddedDatabase.Durability.fromEnvironment(
                    Map.of("CLEAVE_EMBEDDED_DB_DURABILITY", "off")))
        .hasMessageContaining("durable or fast");
  }

  @Test
  void aServerLeftRunningOnTheFolderIsStoppedAndTheDataKept() throws Exception {
    Path data = folder.resolve("pg");
    int port = freePort();
    // An earlier run that died: another JVM starts the server, writes a row and halts without
    // stopping it.
    Process earlier =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                AbandonedRun.class.getName(),
                data.toString(),
                Integer.toString(port))
            .inheritIO()
            .start();
    assertThat(earlier.waitFor(120, TimeUnit.SECONDS)).as("the earlier run ended").isTrue();
    assertThat(earlier.exitValue()).isZero();
    long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
        .as("left running")
        .isTrue();

    assertThat(EmbeddedDatabase.stopLeftover(data)).contains(pid);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
        .as("the orphan is gone")
        .isFalse();
    assertThat(EmbeddedDatabase.stopLeftover(data)).as("nothing left to stop").isEmpty();

    try (EmbeddedDatabase again = EmbeddedDatabase.start(data, port, List.of("kept_db"));
        Connection connection = connect(again, "kept_db");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select id from kept")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(42);
    }
  }

  @Test
  void everyCommitSurvivesAKillOfTheServer() throws Exception {
    EmbeddedDatabase database =
        EmbeddedDatabase.start(folder.resolve("pg"), freePort(), List.of("crash_db"));
    try {
      try (Connection connection = connect(database, "crash_db");
          Statement statement = connection.createStatement()) {
        statement.execute("create table confirmed(id int primary key)");
        // Many small commits, each answered before the next, then a kill right after the last
        // answer.
        for (int i = 1; i <= 2_000; i++) {
          statement.execute("insert into confirmed values (" + i + ")");
        }
        database.crash();
      }
      assertThat(database.postmasterPid()).as("gone").isEmpty();
      database = database.restart();
      try (Connection connection = connect(database, "crash_db");
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("select count(*), max(id) from confirmed")) {
        rows.next();
        assertThat(rows.getInt(1)).as("every confirmed commit").isEqualTo(2_000);
        assertThat(rows.getInt(2)).isEqualTo(2_000);
      }
    } finally {
      database.close();
    }
  }

  @Test
  void aFolderWithoutARunningServerIsLeftAlone() {
    assertThat(EmbeddedDatabase.stopLeftover(folder.resolve("never-used"))).isEmpty();
  }

  /** A run that starts the database, writes to it and dies (halts) without stopping it. */
  static final class AbandonedRun {
    public static void main(String[] args) throws Exception {
      EmbeddedDatabase database =
          EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]), List.of("kept_db"));
      try (Connection connection = connect(database, "kept_db");
          Statement statement = connection.createStatement()) {
        statement.execute("create table kept(id int); insert into kept values (42)");
      }
      Runtime.getRuntime().halt(0);
    }
  }

  private static String setting(EmbeddedDatabase database, String name) throws SQLException {
    try (Connection connection = connect(database, "postgres");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("show " + name)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static Connection connect(EmbeddedDatabase database, String name) throws SQLException {
    DatabaseSettings settings = database.settings(name);
    return DriverManager.getConnection(
        "jdbc:postgresql://" + settings.host() + ":" + settings.port() + "/" + name,
        settings.user(),
        settings.password());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
