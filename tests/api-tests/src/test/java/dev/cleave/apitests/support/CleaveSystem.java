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
import java.security.KeyPair;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The system under test, started once for the whole test run and stopped after it (JUnit's root
 * store closes it). With {@code -Dcleave.baseUrl} the tests target a system that is already running
 * (for example the split system behind the gateway) and sign tokens with the private key named by
 * {@code -Dcleave.test.jwtPrivateKey}. Otherwise it starts a fresh PostgreSQL (acting as an
 * <em>external</em> database for the server: its own port and database name, handed over through the
 * {@code CLEAVE_DB_*} variables) and the monolith server on a free port.
 */
public final class CleaveSystem implements BeforeAllCallback {

  private static volatile Running running;

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

  private static Running start() {
    String external = System.getProperty("cleave.baseUrl", "");
    if (!external.isBlank()) {
      String key = System.getProperty("cleave.test.jwtPrivateKey", "");
      return new Running(external.replaceAll("/$", ""), TestTokens.fromPrivateKeyFile(Path.of(key)), null, null);
    }
    Path work = Path.of(System.getProperty("cleave.test.workDir", "target/api-test-env")).toAbsolutePath();
    deleteRecursively(work);
    KeyPair keys = DevKeys.generate();
    Path publicKey = work.resolve("jwt-public.pem");
    try {
      Files.createDirectories(work);
      DevKeys.writePem(publicKey, "PUBLIC KEY", keys.getPublic().getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EmbeddedDatabase database = EmbeddedDatabase.start(work.resolve("postgres"), freePort(),
        List.of("cleave_api_tests"));
    Map<String, String> env = new LinkedHashMap<>(database.settings().toEnvironment());
    env.put("CLEAVE_JWT_PUBLIC_KEY_LOCATION", publicKey.toString());
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
    return new Running(server.baseUri().toString(), new TestTokens(keys.getPrivate()), server, database);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path path) {
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
  record Running(String baseUrl, TestTokens tokens, LibertyServer server, EmbeddedDatabase database)
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
