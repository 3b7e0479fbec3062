package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Ledgers;
import dev.cleave.apitests.support.Shop;
import dev.cleave.launcher.DevKeys;
import dev.cleave.launcher.EmbeddedDatabase;
import dev.cleave.launcher.LibertyServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crash mid-saga, then restart: a monolith of its own (own database) runs with the test-only crash
 * hook {@code CLEAVE_ORDER_FAULT_HALT_AFTER}, which halts the JVM right after a checkout persisted the
 * named state, as a power cut would. Restarted (without the hook), the server's recovery job brings
 * every order to a final state with the invariants intact: stock conserved, at most one charge, a
 * confirmed order captured and committed.
 */
@ApiTest
class CheckoutCrashIT {

  private static EmbeddedDatabase database;
  private static Map<String, String> environment;
  private static Path work;
  private static LibertyServer server;
  private static String baseUrl;
  private static final String CUSTOMER = UUID.randomUUID().toString();

  @BeforeAll
  static void ownDatabase() {
    org.junit.jupiter.api.Assumptions.assumeTrue(CleaveSystem.isMonolith(),
        "crash tests start a monolith of their own: monolith suite only");
    DevKeys.KeyFiles keys = CleaveSystem.keys().orElseThrow();
    work = Path.of(System.getProperty("cleave.test.workDir", "target/api-test-env")).toAbsolutePath()
        .resolveSibling("crash-test-env");
    CleaveSystem.deleteRecursively(work); // a fresh database every run, as the main suite has
    database = EmbeddedDatabase.start(work.resolve("postgres"), CleaveSystem.freePort(), List.of("cleave_crash"));
    environment = new LinkedHashMap<>(database.settings().toEnvironment());
    environment.put("CLEAVE_JWT_PUBLIC_KEY_LOCATION", keys.publicKey().toString());
    environment.put("CLEAVE_JWT_PRIVATE_KEY_LOCATION", keys.privateKey().toString());
    environment.put("WLP_OUTPUT_DIR", work.resolve("liberty-output").toString());
    environment.putAll(CleaveSystem.CHECKOUT_TIMING);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private static void start(String haltAfter) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    if (haltAfter != null) {
      env.put("CLEAVE_ORDER_FAULT_HALT_AFTER", haltAfter);
    }
    server = LibertyServer.launch(Path.of(System.getProperty("cleave.wlp")), System.getProperty("cleave.server", "monolith"),
        CleaveSystem.freePort(), env, work.resolve("server-console-" + (haltAfter == null ? "clean" : haltAfter) + ".log"));
    server.awaitReady(Duration.ofMinutes(3));
    baseUrl = server.baseUri().toString();
  }

  private static RequestSpecification as(String token) {
    return given().baseUri(baseUrl).auth().oauth2(token).contentType(ContentType.JSON);
  }

  private static RequestSpecification asCustomer() {
    return as(CleaveSystem.tokens().customer(CUSTOMER));
  }

  /** Places an order that the crash hook interrupts: the connection drops and the server process ends. */
  private static void placeAndCrash(long productId) throws InterruptedException {
    asCustomer().body("{\"productId\":" + productId + ",\"quantity\":1}").post("/api/v1/cart/items").then().statusCode(200);
    assertThatThrownBy(() -> asCustomer().header("Idempotency-Key", UUID.randomUUID().toString())
        .body(Shop.checkout(Shop.APPROVED)).post("/api/v1/orders")).as("the server halts mid-request")
        .isInstanceOf(Exception.class);
    try {
      ProcessHandle.of(server.pid()).ifPresent(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).join());
    } catch (java.util.concurrent.CompletionException e) {
      throw new AssertionError("the server did not halt", e);
    }
    server.waitFor();
  }

  private static Response awaitStatus(String orderId, String status) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Response order;
    do {
      order = asCustomer().get("/api/v1/orders/" + orderId);
      if (status.equals(order.jsonPath().getString("status"))) {
        return order;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    } while (System.nanoTime() < deadline);
    throw new AssertionError("order " + orderId + " never became " + status + ": " + order.asString());
  }

  @Test
  void recoveryAfterARestartBringsEveryInterruptedOrderToAFinalState() throws InterruptedException {
    // 1. Crash right after stock was reserved, before the payment: the card died with the request.
    start("STOCK_RESERVED");
    Response created = as(CleaveSystem.tokens().admin()).body("""
        {"sku":"CRASH-1","name":"Crash lamp","category":"garden","price":20.00,"currency":"EUR"}""")
        .post("/api/v1/products");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    long lamp = created.jsonPath().getLong("id");
    as(CleaveSystem.tokens().admin()).body("{\"onHand\":5}").put("/api/v1/products/" + lamp + "/stock")
        .then().statusCode(200);
    placeAndCrash(lamp);
    Ledgers ledgers = Ledgers.of(database.settings("cleave_crash"));
    String first = ledgers.latestOrder(CUSTOMER);
    assertThat(ledgers.order(first)).isEqualTo("STOCK_RESERVED");
    assertThat(ledgers.stock(lamp)).as("one unit held by the interrupted order").containsExactly(5, 1);

    // 2. Restart (crashing this time once a payment is authorized): recovery fails the first order
    //    cleanly, releasing its stock and charging nothing.
    start("PAYMENT_AUTHORIZED");
    Response failed = awaitStatus(first, "FAILED");
    assertThat(failed.jsonPath().getString("failureReason")).contains("nothing was charged");
    assertThat(ledgers.reservation(first)).isEqualTo("RELEASED");
    assertThat(ledgers.payment(first)).isNull();
    assertThat(ledgers.stock(lamp)).containsExactly(5, 0);

    placeAndCrash(lamp);
    String second = ledgers.latestOrder(CUSTOMER);
    assertThat(second).isNotEqualTo(first);
    assertThat(ledgers.order(second)).isEqualTo("PAYMENT_AUTHORIZED");
    assertThat(ledgers.statement(second)).as("authorized, not captured yet").isEqualTo("APPROVED");

    // 3. Restart without the hook: recovery commits the stock and captures the payment, once.
    start(null);
    awaitStatus(second, "CONFIRMED");
    assertThat(ledgers.reservation(second)).isEqualTo("COMMITTED");
    assertThat(ledgers.payment(second)).isEqualTo("CAPTURED");
    assertThat(ledgers.statement(second)).isEqualTo("APPROVED captured");
    assertThat(ledgers.stock(lamp)).as("one unit sold, none held").containsExactly(4, 0);
    assertThat(ledgers.payments(CUSTOMER)).isEqualTo(1);
  }
}
