package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.ExtractionSuite;
import dev.cleave.apitests.support.Problems;
import dev.cleave.launcher.LocalDeployment;
import dev.cleave.launcher.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * No token in the logs, valid or refused, in every shape: a forged token (a real token's header and
 * claims with a tampered signature), an expired one and a valid one in the query string are sent,
 * each refused with 401; then every file every server wrote (console, {@code messages.log}, access
 * log, {@code trace.log} and FFDC incidents) is searched for any part of them that is secret (the
 * claims and the signature). Runs after every other class of the suite ({@code
 * junit-platform.properties}), so its searches cover what they made the servers write too.
 */
@ApiTest
@ExtractionSuite
@Order(Integer.MAX_VALUE)
class LogSecrecyIT {

  @Test
  void noRefusedOrValidTokenIsWrittenToAnyServersLog() throws Exception {
    LocalDeployment deployment = CleaveSystem.deployment().orElse(null);
    Assumptions.assumeTrue(deployment != null, "reads the logs of a system this run started");
    String real = CleaveSystem.tokens().customer(UUID.randomUUID().toString());
    String forged =
        real.substring(0, real.length() - 8)
            + (real.endsWith("AAAAAAAA") ? "BBBBBBBB" : "AAAAAAAA");
    String expired =
        CleaveSystem.tokens()
            .token(
                UUID.randomUUID().toString(),
                "customer",
                "https://cleave.dev/user",
                Duration.ofMinutes(-10));
    String inQuery = CleaveSystem.tokens().customer(UUID.randomUUID().toString());

    Problems.assertProblem(given().auth().oauth2(forged).get("/api/v1/users/me"), 401);
    Problems.assertProblem(given().auth().oauth2(forged).get("/api/v1/products"), 401);
    Problems.assertProblem(given().auth().oauth2(expired).get("/api/v1/users/me"), 401);
    Problems.assertProblem(
        given().queryParam("access_token", inQuery).get("/api/v1/users/me"), 401);
    given().queryParam("access_token", inQuery).get("/api/v1/products").then().statusCode(200);
    // A storefront session: its first cookie (used up by a refresh), the one that replaced it, and
    // a
    // cookie nobody issued, each sent back to the server.
    Accounts.Account shopper = Accounts.newCustomer("log-secrecy");
    String usedCookie = BrowserSessionIT.cookieOf(BrowserSessionIT.login(shopper));
    String liveCookie =
        BrowserSessionIT.cookieOf(
            given()
                .header(BrowserSessionIT.HEADER, "1")
                .cookie(BrowserSessionIT.COOKIE, usedCookie)
                .post("/api/v1/auth/browser/refresh"));
    String strangeCookie = "unissued" + UUID.randomUUID().toString().replace("-", "");
    Problems.assertProblem(
        given()
            .header(BrowserSessionIT.HEADER, "1")
            .cookie(BrowserSessionIT.COOKIE, strangeCookie)
            .post("/api/v1/auth/browser/refresh"),
        401);

    awaitLogsFlushed(deployment);
    Map<String, String> secrets =
        new LinkedHashMap<>(
            Map.of(
                "claims of the forged token's original",
                real.split("\\.")[1],
                "signature of the forged token",
                forged.split("\\.")[2],
                "claims of the expired token",
                expired.split("\\.")[1],
                "signature of the expired token",
                expired.split("\\.")[2],
                "claims of the token in the query",
                inQuery.split("\\.")[1],
                "signature of the token in the query",
                inQuery.split("\\.")[2]));
    secrets.put("a used session cookie", usedCookie);
    secrets.put("a live session cookie", liveCookie);
    secrets.put("a session cookie nobody issued", strangeCookie);
    deployment
        .devCertificate()
        .ifPresent(tls -> secrets.put("the TLS keystore's password", tls.password()));
    List<Path> logs = logFiles();
    assertThat(logs).as("the servers' logs").isNotEmpty();
    for (Path log : logs) {
      String text = Files.readString(log, StandardCharsets.ISO_8859_1);
      secrets.forEach(
          (what, secret) -> assertThat(text).as("%s in %s", what, log).doesNotContain(secret));
    }
  }

  /**
   * Expected refusals write no FFDC incident (Liberty's "first failure" files, meant for faults): a
   * refused token, and domain refusals (not found, conflict) from transactional methods, which
   * Liberty would record for every runtime exception leaving one. Checks every incident every
   * server wrote during the run, so the other classes' refusals count too.
   */
  @Test
  void expectedRefusalsWriteNoFfdcIncident() throws Exception {
    LocalDeployment deployment = CleaveSystem.deployment().orElse(null);
    Assumptions.assumeTrue(deployment != null, "reads the logs of a system this run started");
    String admin = CleaveSystem.tokens().admin();
    String real = CleaveSystem.tokens().customer(UUID.randomUUID().toString());
    Problems.assertProblem(given().auth().oauth2(real + "x").get("/api/v1/users/me"), 401);
    Problems.assertProblem(given().get("/api/v1/products/987654321"), 404);
    Problems.assertProblem(
        given().auth().oauth2(admin).get("/api/v1/users/" + UUID.randomUUID()), 404);
    String product =
        """
        {"sku":"FFDC-%s","name":"Quiet","category":"garden","price":5,"currency":"EUR"}\
        """
            .formatted(UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
    given()
        .auth()
        .oauth2(admin)
        .contentType("application/json")
        .body(product)
        .post("/api/v1/products")
        .then()
        .statusCode(201);
    Problems.assertProblem(
        given()
            .auth()
            .oauth2(admin)
            .contentType("application/json")
            .body(product)
            .post("/api/v1/products"),
        409);

    awaitLogsFlushed(deployment);
    List<String> incidents = new ArrayList<>();
    for (Path file : logFiles()) {
      if (file.getFileName().toString().startsWith("ffdc_")) {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        String exception =
            text.lines().filter(line -> line.startsWith("Exception = ")).findFirst().orElse("?");
        if (exception.contains("dev.cleave.")
            || text.contains("jose4j")
            || text.contains("InvalidJwt")) {
          incidents.add(file.getParent().getParent().getParent().getFileName() + ": " + exception);
        }
      }
    }
    assertThat(incidents).as("FFDC incidents for refusals").isEmpty();
  }

  /**
   * Waits until each server has logged a marker request, so everything sent before it is on disk.
   */
  private static void awaitLogsFlushed(LocalDeployment deployment) throws InterruptedException {
    for (Topology.Node node : deployment.topology().nodes()) {
      String marker = "log-secrecy-" + UUID.randomUUID();
      // A path no server has: each answers it itself (404), with the marker as its request id.
      given()
          .baseUri(deployment.serverUri(node.server()).toString())
          .header("X-Request-Id", marker)
          .get("/log-secrecy-marker");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (logFiles().stream().noneMatch(log -> contains(log, marker))) {
        assertThat(System.nanoTime())
            .as("%s logged the marker request", node.server())
            .isLessThan(deadline);
        Thread.sleep(100);
      }
    }
  }

  /**
   * The consoles the launcher captured and each server's own log files, FFDC incidents and
   * trace.log included.
   */
  private static List<Path> logFiles() {
    Path work =
        Path.of(System.getProperty("cleave.test.workDir", "target/api-test-env")).toAbsolutePath();
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(work.resolve("logs"), work.resolve("liberty-output"))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        // Every file of a server's logs/ folder, whatever its name (FFDC incidents, trace.log,
        // state/).
        walk.filter(Files::isRegularFile)
            .filter(
                p ->
                    root.endsWith("logs")
                        || (root.relativize(p).getNameCount() > 1
                            && root.relativize(p).getName(1).toString().equals("logs")))
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
