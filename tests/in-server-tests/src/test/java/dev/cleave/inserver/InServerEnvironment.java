package dev.cleave.inserver;

import dev.cleave.launcher.DevKeys;
import dev.cleave.launcher.EmbeddedDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the server of the in-server tests needs before the first deployment (the server reads both
 * only when the application starts): a fresh PostgreSQL on the port that Maven reserved ({@code
 * CLEAVE_DB_PORT}, which the Liberty process inherits), stopped when the test JVM ends, and a token
 * key pair at the paths the pom hands to the server ({@code CLEAVE_JWT_*_KEY_LOCATION}).
 */
final class InServerEnvironment {

  private static EmbeddedDatabase database;

  private InServerEnvironment() {}

  /**
   * The deployment of an in-server test: the real monolith WAR plus the test class and AssertJ,
   * after the environment is up.
   */
  static WebArchive monolithWith(Class<?> testClass) throws Exception {
    start();
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("cleave.monolithWar")))
        .addClass(testClass)
        .addAsLibrary(
            new File(Assertions.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
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
    DevKeys.ensure(work.resolve("keys"));
    database =
        EmbeddedDatabase.start(
            work.resolve("postgres"),
            Integer.parseInt(System.getenv("CLEAVE_DB_PORT")),
            List.of(System.getenv("CLEAVE_DB_NAME")));
    Runtime.getRuntime().addShutdownHook(new Thread(database::close, "in-server-db-stop"));
  }
}
