package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.Await;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Ledgers;
import dev.cleave.apitests.support.Shop;
import dev.cleave.launcher.LocalDeployment;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults only the split system can have: a service process dies while others depend on it. The
 * services are killed ({@code SIGKILL}, no graceful shutdown) and relaunched by the test, as a
 * supervisor would; each test leaves every service running again, so the suite goes on unharmed.
 */
@ApiTest
class SplitFaultIT {

  private static final String REGISTER =
      "dev.cleave.order.internal.application.CheckoutSteps.register";

  private record Placed(Account customer, String orderId, int status) {}

  @BeforeEach
  void onlyInTheSplitSystem() {
    Assumptions.assumeTrue(
        CleaveSystem.topology().equals("split"), "kills services of the split system");
  }

  private static LocalDeployment deployment() {
    return CleaveSystem.deployment().orElseThrow();
  }

  private static Placed place(Account customer, String card) {
    Response placed = Shop.placeOrder(customer, card);
    assertThat(placed.statusCode()).as(placed.asString()).isIn(201, 202);
    return new Placed(customer, placed.jsonPath().getString("id"), placed.statusCode());
  }

  /**
   * The value of a Fault Tolerance counter of the step that hands the card to payments, from the
   * order server's metrics.
   */
  private static double registerMetric(String name, String extraLabel) {
    return CleaveSystem.metrics("order")
        .lines()
        .filter(
            line ->
                line.startsWith(name + "{")
                    && line.contains("method=\"" + REGISTER + "\"")
                    && line.contains(extraLabel))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void ordersCaughtByAPaymentServiceCrashArePaidOnceItIsBackAndNoneIsMadeWhileItIsDown()
      throws Exception {
    Ledgers ledgers = Ledgers.open();
    long product = Shop.product("7.00", 200);
    double openedBefore = registerMetric("ft_circuitbreaker_opened_total", "");
    List<Placed> orders = new ArrayList<>();

    // Before the crash: paid and confirmed as usual.
    for (int i = 0; i < 3; i++) {
      Placed placed = place(Shop.shopper("before-crash", product), Shop.APPROVED);
      assertThat(placed.status()).isEqualTo(201);
      orders.add(placed);
    }

    // The crash: slow-card payments are recorded and with the processor when the service dies.
    List<Account> inFlight = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      inFlight.add(Shop.shopper("in-flight", product));
    }
    ExecutorService pool = Executors.newFixedThreadPool(inFlight.size());
    List<Future<Placed>> placing = new ArrayList<>();
    try {
      inFlight.forEach(customer -> placing.add(pool.submit(() -> place(customer, Shop.SLOW))));
      Await.until(
          "every slow payment recorded",
          Duration.ofSeconds(20),
          () -> inFlight.stream().allMatch(customer -> ledgers.payments(customer.id()) == 1));
      deployment().kill("payment-service");
      for (Future<Placed> placed : placing) {
        orders.add(placed.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    List<Account> refused = new ArrayList<>();
    try {
      // While it is down: no order is made (the card cannot be kept, so the order could never be
      // paid):
      // 503 with Retry-After, nothing reserved; the circuit to payments opens once half of its last
      // 20
      // calls failed.
      for (int i = 0; i < 20; i++) {
        Account customer = Shop.shopper("payment-down", product);
        Response placed = Shop.placeOrder(customer, Shop.APPROVED);
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(503);
        assertThat(placed.contentType()).isEqualTo("application/problem+json");
        assertThat(placed.jsonPath().getString("type")).endsWith("/dependency-unavailable");
        assertThat(placed.header("Retry-After")).isNotBlank();
        refused.add(customer);
      }
      assertThat(CleaveSystem.downstream("order"))
          .containsEntry("payment.binding", "remote")
          .containsEntry("payment.circuit", "open")
          .containsEntry("product.circuit", "closed");
      assertThat((String) CleaveSystem.downstream("order").get("payment.not-closed"))
          .contains("register");
      assertThat(registerMetric("ft_circuitbreaker_opened_total", "")).isGreaterThan(openedBefore);
      assertThat(
              registerMetric(
                  "ft_circuitbreaker_calls_total", "circuitBreakerResult=\"circuitBreakerOpen\""))
          .isPositive();
      // The rest of the shop is unaffected.
      given().get("/api/v1/products/" + product).then().statusCode(200);
    } finally {
      deployment().restart("payment-service");
    }
    for (Account customer : refused) {
      assertThat(ledgers.orders(customer.id())).as("nothing was ordered").isZero();
    }

    // Back: once the authorize circuit closed again (5 s after it opened it lets a trial call
    // through,
    // recovery's here, which closes it), new checkouts are paid at once again; the first of them is
    // the
    // trial call of the register circuit, which no one else calls.
    Await.until(
        "the authorize circuit closed again",
        Duration.ofSeconds(30),
        () ->
            !String.valueOf(CleaveSystem.downstream("order").get("payment.not-closed"))
                .contains("authorize"));
    for (int i = 0; i < 2; i++) {
      Placed placed = place(Shop.shopper("after-restart", product), Shop.APPROVED);
      assertThat(placed.status()).isEqualTo(201);
      orders.add(placed);
    }

    // Every order reaches a final state: each card approves, so each is confirmed and charged once,
    // the slow ones too, whose authorizations died with the service (the payment module sends them
    // to the processor again with the kept payment method).
    for (Placed placed : orders) {
      String status =
          Shop.awaitSettled(placed.customer(), placed.orderId(), Duration.ofSeconds(90))
              .jsonPath()
              .getString("status");
      assertThat(status).as("%s", placed).isEqualTo("CONFIRMED");
      assertThat(ledgers.payments(placed.customer().id()))
          .as("payments of %s", placed)
          .isEqualTo(1);
      assertThat(ledgers.statement(placed.orderId()))
          .as("card statement of %s", placed)
          .isEqualTo("APPROVED captured");
      assertThat(ledgers.reservation(placed.orderId())).isEqualTo("COMMITTED");
    }
    assertThat(ledgers.stock(product))
        .as("{on hand, reserved}")
        .containsExactly(200 - orders.size(), 0);
    assertThat(Shop.available(product)).isEqualTo(200 - orders.size());

    Await.until(
        "the payment circuits closed again",
        Duration.ofSeconds(30),
        () -> "closed".equals(CleaveSystem.downstream("order").get("payment.circuit")));
  }

  @Test
  void theGatewayAnswersAProblemWhileARoutedServiceIsDownAndRoutesAgainOnceItIsBack() {
    long product = Shop.product("2.00", 1);
    Account customer = Shop.shopper("details-partial", product);
    Placed placed = place(customer, Shop.APPROVED);
    deployment().kill("product-service");
    try {
      Response down = given().get("/api/v1/products/" + product);
      assertThat(down.statusCode()).as(down.asString()).isEqualTo(503);
      assertThat(down.contentType()).isEqualTo("application/problem+json");
      assertThat(down.header("Retry-After")).isNotBlank();
      assertThat(down.jsonPath().getInt("status")).isEqualTo(503);
      assertThat(down.jsonPath().getString("requestId")).isNotBlank();

      // Other routes still answer, and the gateway's readiness names the upstream that is down.
      given().get("/.well-known/jwks.json").then().statusCode(200);
      Response ready = given().get("/health/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.jsonPath().getString("checks.find { it.name == 'product-upstream' }.status"))
          .isEqualTo("DOWN");
      assertThat(ready.jsonPath().getString("checks.find { it.name == 'user-upstream' }.status"))
          .isEqualTo("UP");

      // The gateway's composite order view shows what it has, and says what is missing.
      Response details = customer.request().get("/api/v1/orders/" + placed.orderId() + "/details");
      assertThat(details.statusCode()).as(details.asString()).isEqualTo(200);
      assertThat(details.jsonPath().getBoolean("partial")).isTrue();
      assertThat(details.jsonPath().getList("unavailable", String.class))
          .containsExactly("product " + product);
      assertThat(details.jsonPath().getString("order.id")).isEqualTo(placed.orderId());
      assertThat(details.jsonPath().getString("payment.status")).isEqualTo("CAPTURED");
    } finally {
      deployment().restart("product-service");
    }
    given().get("/api/v1/products/" + product).then().statusCode(200);
    given().get("/health/ready").then().statusCode(200);
  }
}
