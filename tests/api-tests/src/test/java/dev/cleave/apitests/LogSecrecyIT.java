package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Problems;
import dev.cleave.launcher.CleaveStack;
import dev.cleave.launcher.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * No token in the logs, valid or refused, in every shape: a forged token (a real token's header and
 * claims with a tampered signature), an expired one and a valid one in the query string are sent,
 * each refused with 401; then every server's console, {@code messages.log} and access log is searched
 * for any part of them that is secret (the claims and the signature).
 *
 * <p>Not covered, and known: Liberty's FFDC incident files ({@code logs/ffdc/}) and {@code trace.log}
 * still hold the token that MicroProfile JWT refused: its JWT library puts the token in the exception
 * message, FFDC is compiled into Liberty's code, and a message hidden from the console and
 * {@code messages.log} is written to {@code trace.log} instead. Both stay on the server's disk (they
 * are not the console a platform collects); see issue 15's closing note.
 */
@ApiTest
class LogSecrecyIT {

  @Test
  void noRefusedOrValidTokenIsWrittenToAnyServersLog() throws Exception {
    CleaveStack stack = CleaveSystem.stack().orElse(null);
    Assumptions.assumeTrue(stack != null, "reads the logs of a system this run started");
    String real = CleaveSystem.tokens().customer(UUID.randomUUID().toString());
    String forged = real.substring(0, real.length() - 8) + (real.endsWith("AAAAAAAA") ? "BBBBBBBB" : "AAAAAAAA");
    String expired = CleaveSystem.tokens().token(UUID.randomUUID().toString(), "customer",
        "https://cleave.dev/user", Duration.ofMinutes(-10));
    String inQuery = CleaveSystem.tokens().customer(UUID.randomUUID().toString());

    Problems.assertProblem(given().auth().oauth2(forged).get("/api/v1/users/me"), 401);
    Problems.assertProblem(given().auth().oauth2(forged).get("/api/v1/products"), 401);
    Problems.assertProblem(given().auth().oauth2(expired).get("/api/v1/users/me"), 401);
    Problems.assertProblem(given().queryParam("access_token", inQuery).get("/api/v1/users/me"), 401);
    given().queryParam("access_token", inQuery).get("/api/v1/products").then().statusCode(200);

    awaitLogsFlushed(stack);
    Map<String, String> secrets = Map.of(
        "claims of the forged token's original", real.split("\\.")[1],
        "signature of the forged token", forged.split("\\.")[2],
        "claims of the expired token", expired.split("\\.")[1],
        "signature of the expired token", expired.split("\\.")[2],
        "claims of the token in the query", inQuery.split("\\.")[1],
        "signature of the token in the query", inQuery.split("\\.")[2]);
    List<Path> logs = logFiles();
    assertThat(logs).as("the servers' logs").isNotEmpty();
    for (Path log : logs) {
      String text = Files.readString(log, StandardCharsets.ISO_8859_1);
      secrets.forEach((what, secret) -> assertThat(text).as("%s in %s", what, log).doesNotContain(secret));
    }
  }

  /** Waits until each server has logged a marker request, so everything sent before it is on disk. */
  private static void awaitLogsFlushed(CleaveStack stack) throws InterruptedException {
    for (Topology.Node node : stack.topology().nodes()) {
      String marker = "log-secrecy-" + UUID.randomUUID();
      // A path no server has: each answers it itself (404), with the marker as its request id.
      given().baseUri(stack.serverUri(node.server()).toString()).header("X-Request-Id", marker).get("/log-secrecy-marker");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (logFiles().stream().noneMatch(log -> contains(log, marker))) {
        assertThat(System.nanoTime()).as("%s logged the marker request", node.server()).isLessThan(deadline);
        Thread.sleep(100);
      }
    }
  }

  /** The consoles the launcher captured and each server's own log files, FFDC incidents and trace.log aside. */
  private static List<Path> logFiles() {
    Path work = Path.of(System.getProperty("cleave.test.workDir", "target/api-test-env")).toAbsolutePath();
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(work.resolve("logs"), work.resolve("liberty-output"))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".log"))
            .filter(p -> !p.toString().contains("/logs/ffdc/") && !p.toString().contains("/workarea/"))
            .filter(p -> !p.getFileName().toString().startsWith("trace"))
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static boolean contains(Path log, String text) {
    try {
      return Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}
