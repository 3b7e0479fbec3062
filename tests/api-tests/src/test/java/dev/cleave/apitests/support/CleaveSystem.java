package dev.cleave.apitests.support;

import dev.cleave.launcher.DevKeys;
import dev.cleave.launcher.EmbeddedDatabase;
import dev.cleave.launcher.LibertyServer;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The system under test, started once for the whole test run and stopped after it (JUnit's root
 * store closes it). With {@code -Dcleave.baseUrl} the tests target a system that is already running
 * (for example the split system behind the gateway), sign tokens with the private key named by
 * {@code -Dcleave.test.jwtPrivateKey} and log in as the administrator named by
 * {@code -Dcleave.test.adminEmail} and {@code -Dcleave.test.adminPassword}. Otherwise it starts a fresh PostgreSQL (acting as an
 * <em>external</em> database for the server: its own port and database name, handed over through the
 * {@code CLEAVE_DB_*} variables) and the monolith server on a free port.
 */
public final class CleaveSystem implements BeforeAllCallback {

  private static volatile Running running;

  /**
   * Checkout timing for tests: the slow test card outlasts the 2 s authorization timeout by 2 s, and
   * recovery looks every second for sagas that have not moved for 5 s (longer than any step's timeout).
   */
  public static final Map<String, String> CHECKOUT_TIMING = Map.of(
      "CLEAVE_PAYMENT_SLOW_CARD_DELAY", "PT4S",
      "CLEAVE_ORDER_RECOVERY_INTERVAL", "PT1S",
      "CLEAVE_ORDER_RECOVERY_AFTER", "PT5S");

  @Override
  public void beforeAll(ExtensionContext context) {
    Running system = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    running = system;
    RestAssured.baseURI = system.baseUrl;
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  public static String baseUrl() {
    return running.baseUrl;
  }

  public static TestTokens tokens() {
    return running.tokens;
  }

  /** The first administrator's credentials (made at start-up from CLEAVE_ADMIN_*). */
  public static Admin admin() {
    return running.admin;
  }

  /** The database of a system this run started; empty when the suite runs against an external system. */
  public static java.util.Optional<dev.cleave.launcher.DatabaseSettings> database() {
    return java.util.Optional.ofNullable(running.database).map(EmbeddedDatabase::settings);
  }

  /** The token key pair this run generated; empty against an external system. */
  public static java.util.Optional<DevKeys.KeyFiles> keys() {
    return java.util.Optional.ofNullable(running.keys);
  }

  /** The key of the service this suite plays; empty against an external system. */
  public static java.util.Optional<ServiceKey> serviceKey() {
    return java.util.Optional.ofNullable(running.serviceKey);
  }

  /** Credentials of the administrator the server made at start-up. */
  public record Admin(String email, String password) {
  }

  private static Running start() {
    String external = System.getProperty("cleave.baseUrl", "");
    if (!external.isBlank()) {
      String key = System.getProperty("cleave.test.jwtPrivateKey", "");
      String baseUrl = external.replaceAll("/$", "");
      return new Running(baseUrl, TestTokens.fromPrivateKeyFile(Path.of(key), baseUrl),
          new Admin(System.getProperty("cleave.test.adminEmail", ""), System.getProperty("cleave.test.adminPassword", "")),
          null, null, null, null);
    }
    Path work = Path.of(System.getProperty("cleave.test.workDir", "target/api-test-env")).toAbsolutePath();
    deleteRecursively(work);
    DevKeys.KeyFiles keys = DevKeys.ensure(work.resolve("keys"));
    // A fresh password every run: there is no admin password anywhere in the repository.
    Admin admin = new Admin("admin@cleave.test", "Adm1n-" + UUID.randomUUID());
    EmbeddedDatabase database = EmbeddedDatabase.start(work.resolve("postgres"), freePort(),
        List.of("cleave_api_tests"));
    Map<String, String> env = new LinkedHashMap<>(database.settings().toEnvironment());
    // The suite also plays a calling service with a key pair of its own (ADR 9): the server verifies
    // with a JWKS of both keys and knows which one is a service's.
    DevKeys.KeyFiles serviceKeys = DevKeys.ensure(work.resolve("service-keys"));
    env.put("CLEAVE_JWT_PUBLIC_KEY_LOCATION",
        ServiceKey.writeJwks(work.resolve("verify.jwks"), keys.publicKey(), serviceKeys.publicKey()).toString());
    env.put("CLEAVE_JWT_SERVICE_KEYS_LOCATION", serviceKeys.publicKey().toString());
    env.put("CLEAVE_JWT_PRIVATE_KEY_LOCATION", keys.privateKey().toString());
    env.put("CLEAVE_ADMIN_EMAIL", admin.email());
    env.put("CLEAVE_ADMIN_PASSWORD", admin.password());
    // The suite plays several clients from one machine: loopback is trusted as a proxy, so a test can
    // name its client address in X-Forwarded-For (as the gateway will). Locks last long enough that
    // no pause of a busy CI machine can let one expire between two requests of a test.
    env.put("CLEAVE_HTTP_TRUSTED_PROXIES", "127.0.0.1,0:0:0:0:0:0:0:1");
    env.put("CLEAVE_USER_LOGIN_FIRST_LOCK", "PT20S");
    env.putAll(CHECKOUT_TIMING);
    env.put("WLP_OUTPUT_DIR", work.resolve("liberty-output").toString());
    LibertyServer server = LibertyServer.launch(Path.of(System.getProperty("cleave.wlp")),
        System.getProperty("cleave.server", "monolith"), freePort(), env, work.resolve("server-console.log"));
    try {
      server.awaitReady(Duration.ofMinutes(3));
    } catch (RuntimeException e) {
      server.close();
      database.close();
      throw e;
    }
    String baseUrl = server.baseUri().toString();
    return new Running(baseUrl, TestTokens.fromPrivateKeyFile(keys.privateKey(), baseUrl), admin, server, database, keys,
        ServiceKey.of(serviceKeys.privateKey(), serviceKeys.publicKey()));
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a folder and everything in it (a previous run's database, logs), if it exists. */
  public static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What this run started; closed by JUnit when the run ends. */
  record Running(String baseUrl, TestTokens tokens, Admin admin, LibertyServer server, EmbeddedDatabase database,
      DevKeys.KeyFiles keys, ServiceKey serviceKey)
      implements ExtensionContext.Store.CloseableResource {
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
}
