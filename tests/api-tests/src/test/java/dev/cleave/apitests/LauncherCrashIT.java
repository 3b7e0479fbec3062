package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The run command after a crash, as a user meets it: the launcher ({@code CleaveLauncher}, what
 * {@code ./mvnw -Prun} runs) in a process of its own, on a data folder and ports of its own.
 *
 * <ol>
 *   <li>The server JVM is SIGKILLed: the launcher stops the database, says why and exits non-zero
 *       (a supervisor must see a failure), and no PostgreSQL is left.
 *   <li>The launcher itself is SIGKILLed, leaving the server and PostgreSQL orphaned: the same
 *       command again stops both, starts afresh on the kept data, and a plain stop (SIGTERM, as
 *       Ctrl-C) leaves nothing running.
 * </ol>
 */
@ApiTest
class LauncherCrashIT {

  private static Path work;
  private static int httpPort;
  private static int databasePort;
  private Process launcher;

  @BeforeAll
  static void ownFolder() {
    Assumptions.assumeTrue(
        CleaveSystem.isMonolith(),
        "the launcher's crash handling is the same in every shape: monolith suite only");
    work =
        Path.of(System.getProperty("cleave.test.workDir", "target/api-test-env"))
            .toAbsolutePath()
            .resolveSibling("launcher-crash-env");
    CleaveSystem.deleteRecursively(work);
    httpPort = CleaveSystem.freePort();
    databasePort = CleaveSystem.freePort();
  }

  /**
   * Every server JVM and postmaster this test saw: none may outlive it, even when it fails
   * half-way.
   */
  private final List<Long> seen = new ArrayList<>();

  @AfterEach
  void stopWhatIsLeft() {
    if (launcher != null && launcher.isAlive()) {
      launcher.destroy();
      try {
        launcher.waitFor(90, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    seen.forEach(
        pid ->
            ProcessHandle.of(pid)
                .filter(
                    p ->
                        p.info()
                            .command()
                            .map(c -> c.endsWith("/java") || c.endsWith("/postgres"))
                            .orElse(false))
                .ifPresent(ProcessHandle::destroyForcibly));
  }

  @Test
  void aCrashedServerStopsTheDatabaseAndFailsAndTheCommandBringsEverythingBack() throws Exception {
    // 1. The server dies: the launcher ends non-zero, and takes the database with it.
    launcher = launch("run-1.log");
    awaitReady(launcher, "run-1.log");
    long postgres = postmaster().orElseThrow();
    ProcessHandle server = libertyJvm(launcher);
    server.destroyForcibly();
    assertThat(launcher.waitFor(120, TimeUnit.SECONDS))
        .as("the launcher ends when its server dies")
        .isTrue();
    assertThat(launcher.exitValue()).as("a crash is a failure").isNotZero();
    assertThat(Files.readString(work.resolve("run-1.log")))
        .contains("Server monolith ended unexpectedly with exit code 137");
    assertThat(endsSoon(postgres)).as("no PostgreSQL left running").isTrue();

    // 2. The launcher itself dies: the server and PostgreSQL are orphans. The same command brings
    //    everything back on the kept data.
    launcher = launch("run-2.log");
    awaitReady(launcher, "run-2.log");
    String email = "crash-" + UUID.randomUUID() + "@cleave.test";
    given()
        .baseUri(base())
        .contentType("application/json")
        .body(
            "{\"email\":\""
                + email
                + "\",\"password\":\"correct horse battery\",\"name\":\"Kept\"}")
        .post("/api/v1/users")
        .then()
        .statusCode(201);
    long orphanedPostgres = postmaster().orElseThrow();
    ProcessHandle orphanedServer = libertyJvm(launcher);
    launcher.destroyForcibly();
    launcher.waitFor(60, TimeUnit.SECONDS);
    assertThat(alive(orphanedPostgres) && orphanedServer.isAlive()).as("both orphaned").isTrue();

    launcher = launch("run-3.log");
    awaitReady(launcher, "run-3.log");
    String log = Files.readString(work.resolve("run-3.log"));
    assertThat(log)
        .contains("Stopped PostgreSQL (pid " + orphanedPostgres + ")")
        .contains("Stopped monolith, left running by an earlier run");
    assertThat(endsSoon(orphanedPostgres) && endsSoon(orphanedServer.pid()))
        .as("the orphans are gone")
        .isTrue();
    given()
        .baseUri(base())
        .contentType("application/json")
        .body("{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}")
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200);

    // 3. A plain stop (SIGTERM, what Ctrl-C does to Maven) leaves nothing running.
    long lastPostgres = postmaster().orElseThrow();
    ProcessHandle lastServer = libertyJvm(launcher);
    launcher.destroy();
    assertThat(launcher.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(endsSoon(lastPostgres) && endsSoon(lastServer.pid()))
        .as("nothing left after a stop")
        .isTrue();
  }

  private String base() {
    return "http://localhost:" + httpPort;
  }

  private static Process launch(String log) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "dev.cleave.launcher.CleaveLauncher",
            "--wlp",
            System.getProperty("cleave.wlp"),
            "--data",
            work.resolve("data").toString(),
            "--topology",
            "monolith");
    builder.environment().put("CLEAVE_HTTP_PORT", Integer.toString(httpPort));
    builder.environment().put("CLEAVE_EMBEDDED_DB_PORT", Integer.toString(databasePort));
    builder.environment().put("WLP_OUTPUT_DIR", work.resolve("liberty-output").toString());
    builder.environment().putAll(CleaveSystem.CHECKOUT_TIMING);
    List.of("CLEAVE_DB_HOST", "CLEAVE_ADMIN_EMAIL", "CLEAVE_ADMIN_PASSWORD")
        .forEach(builder.environment()::remove);
    Files.createDirectories(work);
    return builder.redirectErrorStream(true).redirectOutput(work.resolve(log).toFile()).start();
  }

  /**
   * Waits for the launcher's own word that the system is ready (an orphan may answer on the port
   * before).
   */
  private void awaitReady(Process process, String log) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the launcher is running").isTrue();
      if (Files.readString(work.resolve(log)).contains("Cleave (monolith) is ready")) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "the system never became ready: " + Files.readString(work.resolve(log)));
  }

  /** The server's JVM: the Java process below the launcher. */
  private ProcessHandle libertyJvm(Process launcher) {
    ProcessHandle jvm =
        launcher
            .descendants()
            .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no server JVM under the launcher"));
    seen.add(jvm.pid());
    return jvm;
  }

  private Optional<Long> postmaster() {
    try {
      Path lock = work.resolve("data/postgres/postmaster.pid");
      Optional<Long> pid =
          Files.exists(lock)
              ? Optional.of(Long.parseLong(Files.readAllLines(lock).get(0).strip()))
              : Optional.empty();
      pid.ifPresent(seen::add);
      return pid;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether the process runs: it exists and is no zombie (an ended process its parent has not
   * reaped yet).
   */
  private static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Whether the process is gone within a few seconds (a stopped process may still be on its way
   * out).
   */
  private static boolean endsSoon(long pid) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (alive(pid)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }
}
