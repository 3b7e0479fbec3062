package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Concurrently;
import dev.cleave.apitests.support.Ledgers;
import dev.cleave.apitests.support.OwnMonolith;
import dev.cleave.apitests.support.Shop;
import dev.cleave.launcher.EmbeddedDatabase;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the API confirmed, the database keeps: a monolith of its own on an embedded PostgreSQL of
 * its own (durable, as the launcher runs it) takes a burst of concurrent checkouts; right after the
 * last answer PostgreSQL is killed with SIGKILL (postmaster and every backend: an immediate crash,
 * no checkpoint) and started again. Every order answered {@code 201 CONFIRMED} is still confirmed,
 * its payment captured, its stock committed, and stock is conserved. While it is down, checkouts
 * and product reads are answered {@code 503} problems with {@code Retry-After}, never {@code 500},
 * and they leave nothing behind. With {@code synchronous_commit=off} the last commits before such a
 * kill are lost (the launcher's unit test shows it for plain inserts).
 */
@ApiTest
class DatabaseCrashIT {

  private static final int CUSTOMERS = 40;
  private static final int ON_HAND = 500;

  private static OwnMonolith monolith;

  @BeforeAll
  static void ownSystem() {
    Assumptions.assumeTrue(
        CleaveSystem.isMonolith(),
        "crash tests start a monolith of their own: monolith suite only");
    monolith = new OwnMonolith("database-crash-env", "cleave_dbcrash");
    monolith.launch(Map.of(), "server-console");
  }

  @AfterAll
  static void stop() {
    if (monolith != null) {
      monolith.close();
    }
  }

  private static RequestSpecification as(String token) {
    return given().baseUri(monolith.baseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
  }

  @Test
  void everyConfirmedOrderSurvivesAnImmediateCrashOfPostgres() throws InterruptedException {
    assertThat(monolith.database().durability()).isEqualTo(EmbeddedDatabase.Durability.DURABLE);
    Response created =
        as(CleaveSystem.tokens().admin())
            .body(
                """
                {"sku":"DBCRASH-1","name":"Crash-proof mug","category":"kitchen","price":9.00,"currency":"EUR"}\
                """)
            .post("/api/v1/products");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    long mug = created.jsonPath().getLong("id");
    as(CleaveSystem.tokens().admin())
        .body("{\"onHand\":" + ON_HAND + "}")
        .put("/api/v1/products/" + mug + "/stock")
        .then()
        .statusCode(200);
    List<String> customers = new ArrayList<>();
    List<String> late = new ArrayList<>(); // they check out while the database is down
    for (int i = 0; i < 2 * CUSTOMERS; i++) {
      String customer = UUID.randomUUID().toString();
      (i < CUSTOMERS ? customers : late).add(customer);
      as(CleaveSystem.tokens().customer(customer))
          .body("{\"productId\":" + mug + ",\"quantity\":1}")
          .post("/api/v1/cart/items")
          .then()
          .statusCode(200);
    }

    List<Response> answers =
        Concurrently.send(
            CUSTOMERS,
            i ->
                as(CleaveSystem.tokens().customer(customers.get(i)))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Shop.checkout(Shop.APPROVED))
                    .post("/api/v1/orders"));
    monolith.crashDatabase(); // right after the last answer
    List<String> confirmed = new ArrayList<>();
    for (Response answer : answers) {
      assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
      assertThat(answer.jsonPath().getString("status")).isEqualTo("CONFIRMED");
      confirmed.add(answer.jsonPath().getString("id"));
    }

    // While it is down: checkouts and reads get 503 problems with Retry-After, never a 500.
    List<Response> down =
        Concurrently.send(
            CUSTOMERS,
            i ->
                i % 2 == 0
                    ? as(CleaveSystem.tokens().customer(late.get(i)))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Shop.checkout(Shop.APPROVED))
                        .post("/api/v1/orders")
                    : as(CleaveSystem.tokens().customer(late.get(i)))
                        .get("/api/v1/products/" + mug));
    Map<Integer, Long> statuses =
        down.stream().collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
    assertThat(statuses).as("statuses while PostgreSQL is down").containsOnlyKeys(503);
    for (Response answer : down) {
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.header("Retry-After")).as(answer.asString()).isNotBlank();
      assertThat(answer.jsonPath().getString("type")).endsWith("/unavailable");
    }

    monolith.restartDatabase();
    awaitServing(customers.get(0), confirmed.get(0));
    Ledgers ledgers = monolith.ledgers();
    for (String order : confirmed) {
      assertThat(ledgers.order(order)).as("order %s", order).isEqualTo("CONFIRMED");
      assertThat(ledgers.payment(order)).as("payment of %s", order).isEqualTo("CAPTURED");
      assertThat(ledgers.reservation(order)).as("stock of %s", order).isEqualTo("COMMITTED");
    }
    assertThat(ledgers.stock(mug))
        .as("on hand = initial - units confirmed, none held")
        .containsExactly(ON_HAND - confirmed.size(), 0);
  }

  /**
   * The server reconnects to the restarted database on its own: the customer sees the order again.
   */
  private static void awaitServing(String customer, String order) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    Response last = null;
    while (System.nanoTime() < deadline) {
      last = as(CleaveSystem.tokens().customer(customer)).get("/api/v1/orders/" + order);
      if (last.statusCode() == 200) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "the server did not serve the order again after the restart: "
            + (last == null ? "no answer" : last.statusCode() + " " + last.asString()));
  }
}
