package dev.cleave.inserver;

import dev.cleave.launcher.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The PostgreSQL of the in-server tests: a fresh one on the port that Maven reserved
 * ({@code CLEAVE_DB_PORT}, which the Liberty process inherits), started before the first deployment
 * (the server touches the database only when the application starts) and stopped when the test JVM ends.
 */
final class InServerDatabase {

  private static EmbeddedDatabase database;

  private InServerDatabase() {
  }

  static synchronized void start() throws Exception {
    if (database != null) {
      return;
    }
    Path work = Path.of(System.getProperty("cleave.it.workDir")).toAbsolutePath();
    if (Files.exists(work)) {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    database = EmbeddedDatabase.start(work.resolve("postgres"), Integer.parseInt(System.getenv("CLEAVE_DB_PORT")),
        List.of(System.getenv("CLEAVE_DB_NAME")));
    Runtime.getRuntime().addShutdownHook(new Thread(database::close, "in-server-db-stop"));
  }
}
