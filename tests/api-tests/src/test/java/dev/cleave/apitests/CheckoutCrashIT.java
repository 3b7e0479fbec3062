package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Ledgers;
import dev.cleave.apitests.support.OwnMonolith;
import dev.cleave.apitests.support.Shop;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crash mid-saga, then restart: a monolith of its own (own database) runs with the test-only crash
 * hook {@code CLEAVE_ORDER_FAULT_HALT_AFTER}, which halts the JVM right after a checkout persisted
 * the named state, as a power cut would. Restarted (without the hook), the server's recovery job
 * brings every order to a final state with the invariants intact: stock conserved, at most one
 * charge, a confirmed order captured and committed.
 */
@ApiTest
class CheckoutCrashIT {

  private static OwnMonolith monolith;
  private static String baseUrl;
  private static final String CUSTOMER = UUID.randomUUID().toString();

  @BeforeAll
  static void ownDatabase() {
    Assumptions.assumeTrue(
        CleaveSystem.isMonolith(),
        "crash tests start a monolith of their own: monolith suite only");
    monolith = new OwnMonolith("crash-test-env", "cleave_crash");
  }

  @AfterAll
  static void stop() {
    if (monolith != null) {
      monolith.close();
    }
  }

  private static void start(String haltAfter) {
    start(
        haltAfter == null ? Map.of() : Map.of("CLEAVE_ORDER_FAULT_HALT_AFTER", haltAfter),
        "server-console-" + (haltAfter == null ? "clean" : haltAfter));
  }

  private static void start(Map<String, String> environment, String console) {
    monolith.launch(environment, console);
    baseUrl = monolith.baseUrl();
  }

  private static RequestSpecification as(String token) {
    return given().baseUri(baseUrl).auth().oauth2(token).contentType(ContentType.JSON);
  }

  private static RequestSpecification asCustomer() {
    return as(CleaveSystem.tokens().customer(CUSTOMER));
  }

  /**
   * Places an order that the crash hook interrupts: the connection drops and the server process
   * ends.
   */
  private static void placeAndCrash(long productId) throws InterruptedException {
    asCustomer()
        .body("{\"productId\":" + productId + ",\"quantity\":1}")
        .post("/api/v1/cart/items")
        .then()
        .statusCode(200);
    assertThatThrownBy(
            () ->
                asCustomer()
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Shop.checkout(Shop.APPROVED))
                    .post("/api/v1/orders"))
        .as("the server halts mid-request")
        .isInstanceOf(Exception.class);
    try {
      ProcessHandle.of(monolith.server().pid())
          .ifPresent(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).join());
    } catch (CompletionException e) {
      throw new AssertionError("the server did not halt", e);
    }
    monolith.server().waitFor();
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
    throw new AssertionError(
        "order " + orderId + " never became " + status + ": " + order.asString());
  }

  @Test
  void recoveryAfterARestartBringsEveryInterruptedOrderToAFinalState() throws InterruptedException {
    // 1. Crash right after stock was reserved, before the payment: the card died with the request,
    // the
    //    payment method the payment module made of it did not.
    start("STOCK_RESERVED");
    Response created =
        as(CleaveSystem.tokens().admin())
            .body(
                """
                {"sku":"CRASH-1","name":"Crash lamp","category":"garden","price":20.00,"currency":"EUR"}\
                """)
            .post("/api/v1/products");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    long lamp = created.jsonPath().getLong("id");
    as(CleaveSystem.tokens().admin())
        .body("{\"onHand\":5}")
        .put("/api/v1/products/" + lamp + "/stock")
        .then()
        .statusCode(200);
    placeAndCrash(lamp);
    Ledgers ledgers = monolith.ledgers();
    String first = ledgers.latestOrder(CUSTOMER);
    assertThat(ledgers.order(first)).isEqualTo("STOCK_RESERVED");
    assertThat(ledgers.stock(lamp))
        .as("one unit held by the interrupted order")
        .containsExactly(5, 1);
    assertThat(ledgers.payment(first)).as("not paid yet").isNull();

    // 2. Restart, crashing this time once a request's payment is authorized; recovery waits an hour
    //    here, so that it leaves the first order alone while the second is placed.
    start(
        Map.of(
            "CLEAVE_ORDER_FAULT_HALT_AFTER",
            "PAYMENT_AUTHORIZED",
            "CLEAVE_ORDER_RECOVERY_AFTER",
            "PT1H"),
        "server-console-PAYMENT_AUTHORIZED");
    placeAndCrash(lamp);
    String second = ledgers.latestOrder(CUSTOMER);
    assertThat(second).isNotEqualTo(first);
    assertThat(ledgers.order(first)).isEqualTo("STOCK_RESERVED");
    assertThat(ledgers.order(second)).isEqualTo("PAYMENT_AUTHORIZED");
    assertThat(ledgers.statement(second)).as("authorized, not captured yet").isEqualTo("APPROVED");
    assertThat(ledgers.stock(lamp)).as("a unit held by each").containsExactly(5, 2);

    // 3. Restart without the hook: recovery pays the first order with the payment method its
    // request
    //    left (the card itself died with the request), commits the stock of both and captures each
    //    payment, once.
    start(null);
    for (String order : List.of(first, second)) {
      awaitStatus(order, "CONFIRMED");
      assertThat(ledgers.reservation(order)).isEqualTo("COMMITTED");
      assertThat(ledgers.payment(order)).isEqualTo("CAPTURED");
      assertThat(ledgers.statement(order)).isEqualTo("APPROVED captured");
    }
    assertThat(ledgers.stock(lamp)).as("two units sold, none held").containsExactly(3, 0);
    assertThat(ledgers.payments(CUSTOMER)).isEqualTo(2);
  }
}
