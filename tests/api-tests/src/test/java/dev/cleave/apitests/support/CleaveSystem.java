package dev.cleave.apitests.support;

import dev.cleave.launcher.DatabaseSettings;
import dev.cleave.launcher.DevKeys;
import dev.cleave.launcher.LocalDeployment;
import dev.cleave.launcher.Topology;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The system under test, started once for the whole test run and stopped after it (JUnit's root
 * store closes it). {@code -Dcleave.test.topology} picks its shape: {@code monolith} (the default),
 * {@code split} (four services behind the gateway) or {@code extract:MODULE}; the suite's
 * assertions are the same for every shape, which is the parity the split-services issue asks for.
 * The system is started by the launcher's {@link LocalDeployment}, exactly as {@code ./mvnw -Prun}
 * starts it, but on free ports, with a fresh PostgreSQL (its own port and databases) and with test
 * timings.
 *
 * <p>With {@code -Dcleave.baseUrl} the tests target a system that is already running instead, sign
 * tokens with the private key named by {@code -Dcleave.test.jwtPrivateKey} and log in as the
 * administrator named by {@code -Dcleave.test.adminEmail} and {@code -Dcleave.test.adminPassword}.
 */
public final class CleaveSystem implements BeforeAllCallback {

  private static volatile Running running;

  /**
   * Checkout timing for tests: the slow test card outlasts the 2 s authorization timeout by 2 s;
   * recovery looks every second for sagas that have not moved for 5 s (longer than any step's
   * timeout); the payment module settles payments left processing for 8 s (twice the slow card, so
   * never one the processor is still working on), looking every second.
   */
  public static final Map<String, String> CHECKOUT_TIMING =
      Map.of(
          "CLEAVE_PAYMENT_SLOW_CARD_DELAY", "PT4S",
          "CLEAVE_PAYMENT_PROCESSING_TIMEOUT", "PT8S",
          "CLEAVE_PAYMENT_RECONCILE_INTERVAL", "PT1S",
          "CLEAVE_ORDER_RECOVERY_INTERVAL", "PT1S",
          "CLEAVE_ORDER_RECOVERY_AFTER", "PT5S");

  /**
   * The one rate limit of the gateway under test: 3 per hour per caller, on a path only GatewayIT
   * uses.
   */
  public static final String GATEWAY_TEST_RATE_LIMIT =
      "probe GET /api/v1/categories/rate-limit-probe 3/PT1H";

  /**
   * The networks the gateway under test refuses (documentation blocks nothing else uses;
   * GatewayIT).
   */
  public static final String GATEWAY_TEST_DENIED = "198.51.100.0/24,2001:db8:bad::/48";

  /**
   * The gateway under test keeps the order administration and its own metrics to this machine, as a
   * deployment keeps them to its operators' network (GatewayIT).
   */
  public static final String GATEWAY_TEST_IP_RULES =
      "allow /api/v1/admin/** 127.0.0.0/8 ::1, allow /metrics 127.0.0.0/8 ::1,"
          + " allow /gateway/** 127.0.0.0/8 ::1";

  /**
   * One route the gateway under test has beyond the shipped ones: the product catalog under an
   * older name, which the transforms below rewrite (GatewayIT).
   */
  public static final String GATEWAY_TEST_ROUTE = "/api/v0/catalog=product";

  /**
   * The test route's transforms: its prefix rewritten to the catalog's, a fixed {@code Accept}, a
   * response header whose value holds a comma (escaped as MicroProfile Config lists escape it).
   */
  public static final String GATEWAY_TEST_TRANSFORMS =
      "/api/v0/catalog rewrite-prefix /api/v1/products,"
          + " /api/v0/catalog set-request-header Accept application/json,"
          + " /api/v0/catalog set-response-header X-Catalog-Version v0\\, deprecated";

  /**
   * The test route's release: a candidate upstream that is the product service again under another
   * name (a MicroProfile Config expression), with no share until a test moves it (GatewayIT).
   */
  public static final String GATEWAY_TEST_RELEASE = "/api/v0/catalog catalog-candidate 0";

  /** Every categories read is also sent to the candidate, its answer dropped (GatewayIT). */
  public static final String GATEWAY_TEST_SHADOW = "/api/v1/categories catalog-candidate 100";

  /** The one origin the gateway under test allows cross-origin requests from. */
  public static final String GATEWAY_TEST_ORIGIN = "https://shop.cleave.test";

  @Override
  public void beforeAll(ExtensionContext context) {
    Running system =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
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

  /**
   * The shape under test: {@code monolith}, {@code split}, {@code extract:MODULE}, or {@code
   * external}.
   */
  public static String topology() {
    return running.deployment == null ? "external" : running.deployment.topology().name();
  }

  /**
   * Whether the system under test is the monolith this run started (crash tests need one of their
   * own).
   */
  public static boolean isMonolith() {
    return running.deployment != null
        && running.deployment.topology().front().server().equals("monolith");
  }

  /**
   * The base URL of the server that holds a module: the one place its internal API, metrics and
   * OpenAPI document answer (the monolith's own URL in the monolith, the service's in the split
   * system).
   */
  public static String serverOf(String module) {
    if (running.deployment == null) {
      return running.baseUrl;
    }
    return running
        .deployment
        .serverUri(running.deployment.topology().holderOf(module).server())
        .toString();
  }

  /** The distinct servers that hold modules (the monolith alone, or the four services). */
  public static List<String> moduleServers() {
    return Topology.MODULES.stream().map(CleaveSystem::serverOf).distinct().toList();
  }

  /** The Prometheus text of the servers holding these modules, one after the other. */
  public static String metrics(String... modules) {
    return Arrays.stream(modules)
        .map(CleaveSystem::serverOf)
        .distinct()
        .map(
            server ->
                RestAssured.given()
                    .baseUri(server)
                    .accept("text/plain")
                    .get("/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString())
        .collect(Collectors.joining("\n"));
  }

  /**
   * The {@code downstream} health data of a module's server: binding and circuit state per callee.
   */
  public static Map<String, Object> downstream(String module) {
    return RestAssured.given()
        .baseUri(serverOf(module))
        .get("/health/ready")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getMap("checks.find { it.name == 'downstream' }.data");
  }

  /** The database holding a module's schema, where this run started the system. */
  public static Optional<DatabaseSettings> database(String module) {
    return Optional.ofNullable(running.deployment).map(deployment -> deployment.database(module));
  }

  /** The user module's token key pair this run generated; empty against an external system. */
  public static Optional<DevKeys.KeyFiles> keys() {
    return Optional.ofNullable(running.deployment).map(LocalDeployment::userKeys);
  }

  /** The key of the service this suite plays; empty against an external system. */
  public static Optional<ServiceKey> serviceKey() {
    return Optional.ofNullable(running.serviceKey);
  }

  /** The running system's servers and database; empty against an external system. */
  public static Optional<LocalDeployment> deployment() {
    return Optional.ofNullable(running.deployment);
  }

  /** Credentials of the administrator the server made at start-up. */
  public record Admin(String email, String password) {}

  private static Running start() {
    String external = System.getProperty("cleave.baseUrl", "");
    if (!external.isBlank()) {
      String key = System.getProperty("cleave.test.jwtPrivateKey", "");
      String baseUrl = external.replaceAll("/$", "");
      return new Running(
          baseUrl,
          TestTokens.fromPrivateKeyFile(Path.of(key), baseUrl),
          new Admin(
              System.getProperty("cleave.test.adminEmail", ""),
              System.getProperty("cleave.test.adminPassword", "")),
          null,
          null);
    }
    Path work =
        Path.of(System.getProperty("cleave.test.workDir", "target/api-test-env")).toAbsolutePath();
    deleteRecursively(work);
    // A fresh password every run: there is no admin password anywhere in the repository.
    Admin admin = new Admin("admin@cleave.test", "Adm1n-" + UUID.randomUUID());
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CLEAVE_ADMIN_EMAIL", admin.email());
    env.put("CLEAVE_ADMIN_PASSWORD", admin.password());
    // The suite plays several clients from one machine: loopback is trusted as a proxy, so a test
    // can name its client address in X-Forwarded-For (as a load balancer in front of the gateway
    // would). Locks last long enough that no pause of a busy CI machine can let one expire between
    // two requests.
    env.put("CLEAVE_HTTP_TRUSTED_PROXIES", "127.0.0.1,0:0:0:0:0:0:0:1");
    env.put("CLEAVE_GATEWAY_TRUSTED_PROXIES", "127.0.0.1,0:0:0:0:0:0:0:1");
    // The suite is hundreds of clients on one machine: the gateway's shipped rate limits
    // (unit-tested in gateway-module) would throttle it. One test rule instead, on a path nothing
    // else uses (GatewayIT).
    env.put("CLEAVE_GATEWAY_RATE_LIMIT_DEFAULT", "off");
    env.put("CLEAVE_GATEWAY_RATE_LIMITS", GATEWAY_TEST_RATE_LIMIT);
    env.put("CLEAVE_GATEWAY_CORS_ALLOWED_ORIGINS", GATEWAY_TEST_ORIGIN);
    env.put("CLEAVE_GATEWAY_IP_DENY", GATEWAY_TEST_DENIED);
    env.put("CLEAVE_GATEWAY_IP_RULES", GATEWAY_TEST_IP_RULES);
    env.put("CLEAVE_GATEWAY_ROUTES", shippedGatewayRoutes() + "," + GATEWAY_TEST_ROUTE);
    env.put("CLEAVE_GATEWAY_TRANSFORMS", GATEWAY_TEST_TRANSFORMS);
    env.put("CLEAVE_GATEWAY_UPSTREAM_CATALOG_CANDIDATE", "${cleave.gateway.upstream.product}");
    env.put("CLEAVE_GATEWAY_RELEASES", GATEWAY_TEST_RELEASE);
    env.put("CLEAVE_GATEWAY_SHADOWS", GATEWAY_TEST_SHADOW);
    env.put("CLEAVE_USER_LOGIN_FIRST_LOCK", "PT20S");
    env.putAll(CHECKOUT_TIMING);
    env.put("WLP_OUTPUT_DIR", work.resolve("liberty-output").toString());
    // The suite also plays a calling service with a key pair of its own (ADR 9): every server
    // trusts its public key as a service key, next to the system's own.
    DevKeys.KeyFiles serviceKeys = DevKeys.ensure(work.resolve("suite-service-key"));
    Map<String, Integer> ports = new HashMap<>();
    Topology topology =
        Topology.of(
            System.getProperty("cleave.test.topology", "monolith"),
            "cleave_api_tests",
            server -> ports.computeIfAbsent(server, s -> freePort()));
    Map<String, String> launcherEnv = new LinkedHashMap<>();
    launcherEnv.put("CLEAVE_EMBEDDED_DB_PORT", Integer.toString(freePort()));
    // HTTPS at the front door with the launcher's development certificate; plain HTTP served too,
    // so that the rest of the suite talks HTTP (TlsIT talks TLS).
    launcherEnv.put("CLEAVE_TLS", "on");
    launcherEnv.put("CLEAVE_HTTPS_PORT", Integer.toString(freePort()));
    launcherEnv.put("CLEAVE_TLS_HTTP", "serve");
    LocalDeployment deployment =
        LocalDeployment.start(
            new LocalDeployment.Options(
                Path.of(System.getProperty("cleave.wlp")),
                work,
                topology,
                launcherEnv,
                env,
                List.of(serviceKeys.publicKey()),
                work.resolve("logs"),
                line -> System.out.println("[api-tests] " + line)));
    String baseUrl = deployment.frontUri().toString();
    return new Running(
        baseUrl,
        TestTokens.fromPrivateKeyFile(deployment.userKeys().privateKey(), baseUrl),
        admin,
        deployment,
        ServiceKey.of(serviceKeys.privateKey(), serviceKeys.publicKey()));
  }

  /**
   * The routes the gateway ships with ({@code cleave.gateway.routes} in gateway-module), so the
   * test route comes on top of them rather than beside a copy.
   */
  private static String shippedGatewayRoutes() {
    Path shipped =
        Path.of(System.getProperty("cleave.root", "../.."))
            .resolve("gateway-module/src/main/resources/META-INF/microprofile-config.properties");
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(shipped)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.ofNullable(properties.getProperty("cleave.gateway.routes"))
        .orElseThrow(() -> new IllegalStateException("no cleave.gateway.routes in " + shipped));
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

  /**
   * What this run started; closed by JUnit when the run ends (the root store closes what is
   * AutoCloseable).
   */
  record Running(
      String baseUrl,
      TestTokens tokens,
      Admin admin,
      LocalDeployment deployment,
      ServiceKey serviceKey)
      implements AutoCloseable {
    @Override
    public void close() {
      if (deployment != null) {
        deployment.close();
      }
    }
  }
}
