package dev.cleave.apitests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Concurrently;
import dev.cleave.apitests.support.ExtractionSuite;
import dev.cleave.apitests.support.Ledgers;
import dev.cleave.apitests.support.Problems;
import dev.cleave.apitests.support.Shop;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checkout end to end on the real monolith and PostgreSQL: the saga's outcomes and their
 * compensations, idempotent submission, cancellation, and the invariants behind them read from the
 * modules' own tables (stock on hand and reserved, reservation and payment states, the processor's
 * ledger).
 */
@ApiTest
@ExtractionSuite
class CheckoutIT {

  private final Ledgers ledgers = Ledgers.open();

  @Test
  void aPaidOrderIsConfirmedWithTheCatalogPriceOfItsPlacement() {
    long lamp = Shop.product("19.99", 5);
    Account customer = Accounts.newCustomer("checkout");
    Shop.addToCart(customer, lamp, 2);

    Response placed = Shop.placeOrder(customer, Shop.APPROVED);
    assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
    String id = placed.jsonPath().getString("id");
    assertThat(placed.header("Location")).endsWith("/api/v1/orders/" + id);
    assertThat(placed.jsonPath().getString("status")).isEqualTo("CONFIRMED");
    assertThat(placed.jsonPath().getString("customerId")).isEqualTo(customer.id());
    assertThat(placed.jsonPath().getString("total.amount")).isEqualTo("39.98");
    assertThat(placed.jsonPath().getString("total.currency")).isEqualTo("EUR");
    assertThat(placed.jsonPath().getString("lines[0].unitPrice.amount")).isEqualTo("19.99");
    assertThat(placed.jsonPath().getInt("lines[0].quantity")).isEqualTo(2);
    assertThat(placed.jsonPath().getString("cardBrand")).isEqualTo("VISA");
    assertThat(placed.jsonPath().getString("cardLast4")).isEqualTo("4242");
    assertThat(placed.jsonPath().getString("shippingAddress.city")).isEqualTo("Berlin");
    assertThat(placed.asString()).doesNotContain("424242424242").doesNotContain("\"cvc\"");

    assertThat(Shop.available(lamp)).isEqualTo(3);
    assertThat(ledgers.stock(lamp)).containsExactly(3, 0);
    assertThat(ledgers.reservation(id)).isEqualTo("COMMITTED");
    assertThat(ledgers.payment(id)).isEqualTo("CAPTURED");
    assertThat(ledgers.statement(id)).isEqualTo("APPROVED captured");
    assertThat(customer.request().get("/api/v1/cart").jsonPath().getList("lines")).isEmpty();

    Response repriced =
        Accounts.admin()
            .request()
            .body(
                """
                {"sku":"%s","name":"Repriced","category":"garden","price":29.99,"currency":"EUR"}\
                """
                    .formatted(placed.jsonPath().getString("lines[0].sku")))
            .put("/api/v1/products/" + lamp);
    assertThat(repriced.statusCode()).as(repriced.asString()).isEqualTo(200);
    Response later = customer.request().get("/api/v1/orders/" + id);
    assertThat(later.jsonPath().getString("lines[0].unitPrice.amount")).isEqualTo("19.99");
    assertThat(later.jsonPath().getString("lines[0].name")).startsWith("Shop ");

    Response mine = customer.request().get("/api/v1/orders");
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.jsonPath().getList("items.id", String.class)).containsExactly(id);
    assertThat(mine.jsonPath().getLong("totalItems")).isEqualTo(1);
  }

  @Test
  void checkoutOutcomesAreCountedForPrometheus() {
    long spoon = Shop.product("2.00", 5);
    Account customer = Accounts.newCustomer("metrics");
    Shop.addToCart(customer, spoon, 1);
    assertThat(Shop.placeOrder(customer, Shop.APPROVED).statusCode()).isEqualTo(201);
    Shop.addToCart(customer, spoon, 1);
    assertThat(Shop.placeOrder(customer, Shop.DECLINED).statusCode()).isEqualTo(201);

    String metrics = CleaveSystem.metrics("order", "payment");
    assertThat(metrics)
        .contains(
            "orders_placed_total",
            "orders_outcomes_total{mp_scope=\"application\",status=\"confirmed\",}",
            "orders_outcomes_total{mp_scope=\"application\",status=\"payment_declined\",}",
            "orders_saga_duration_seconds_count",
            "payments_outcomes_total{mp_scope=\"application\",reason=\"card_declined\",status=\"declined\",}",
            "payments_outcomes_total{mp_scope=\"application\",reason=\"none\",status=\"captured\",}");
    assertThat(metrics).as("fault tolerance on the module calls").contains("ft_invocations_total");
  }

  @ParameterizedTest
  @CsvSource({
    "4000000000000002, PAYMENT_DECLINED, DECLINED, CARD_DECLINED, card_declined",
    "4000000000009995, PAYMENT_DECLINED, DECLINED, INSUFFICIENT_FUNDS, insufficient_funds",
    "4000000000000119, FAILED, FAILED, PROCESSOR_ERROR, processor_error"
  })
  void anUnsuccessfulPaymentReleasesTheStockAndChargesNothing(
      String card,
      String orderStatus,
      String paymentStatus,
      String processorOutcome,
      String reason) {
    long kettle = Shop.product("25.00", 4);
    Account customer = Accounts.newCustomer("declined");
    Shop.addToCart(customer, kettle, 3);

    Response placed = Shop.placeOrder(customer, card);
    assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
    String id = placed.jsonPath().getString("id");
    assertThat(placed.jsonPath().getString("status")).isEqualTo(orderStatus);
    assertThat(placed.jsonPath().getString("failureReason")).contains(reason);

    assertThat(Shop.available(kettle)).isEqualTo(4);
    assertThat(ledgers.stock(kettle)).containsExactly(4, 0);
    assertThat(ledgers.reservation(id)).isEqualTo("RELEASED");
    assertThat(ledgers.payment(id)).isEqualTo(paymentStatus);
    assertThat(ledgers.statement(id)).isEqualTo(processorOutcome);
    Problems.assertProblem(
        customer.request().post("/api/v1/orders/" + id + "/cancel"), 409, "order-not-cancellable");
  }

  @Test
  void anOrderBeyondTheStockIsRejectedBeforeAnyPayment() {
    long rare = Shop.product("99.00", 1);
    Account customer = Accounts.newCustomer("rejected");
    Shop.addToCart(customer, rare, 2);

    Response placed = Shop.placeOrder(customer, Shop.APPROVED);
    assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
    assertThat(placed.jsonPath().getString("status")).isEqualTo("REJECTED");
    assertThat(placed.jsonPath().getString("failureReason")).contains(Long.toString(rare));
    assertThat(Shop.available(rare)).isEqualTo(1);
    assertThat(ledgers.payments(customer.id())).isZero();
  }

  @Test
  void aSlowPaymentOutlastsItsTimeoutAndRecoveryFinishesTheOrderWithOneCharge() {
    long clock = Shop.product("45.00", 3);
    Account customer = Accounts.newCustomer("slow");
    Shop.addToCart(customer, clock, 1);

    Response placed = Shop.placeOrder(customer, Shop.SLOW);
    assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(202);
    assertThat(placed.jsonPath().getString("status")).isEqualTo("STOCK_RESERVED");
    String id = placed.jsonPath().getString("id");
    assertThat(Shop.available(clock)).as("held while the payment is out").isEqualTo(2);

    Response settled = Shop.awaitSettled(customer, id, Duration.ofSeconds(60));
    assertThat(settled.jsonPath().getString("status")).isEqualTo("CONFIRMED");
    assertThat(ledgers.statement(id)).isEqualTo("APPROVED captured");
    assertThat(ledgers.payments(customer.id())).isEqualTo(1);
    assertThat(ledgers.stock(clock)).containsExactly(2, 0);
    assertThat(CleaveSystem.metrics("order"))
        .as("recovery finished it")
        .contains("orders_recoveries_total{mp_scope=\"application\",result=\"finished\",}");
  }

  @Test
  void cancellingAConfirmedOrderRefundsAndRestocksOnce() {
    long chair = Shop.product("120.00", 2);
    Account customer = Accounts.newCustomer("cancel");
    Shop.addToCart(customer, chair, 2);
    String id = Shop.placeOrder(customer, Shop.APPROVED).jsonPath().getString("id");
    assertThat(Shop.available(chair)).isZero();

    Response cancelled = customer.request().post("/api/v1/orders/" + id + "/cancel");
    assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
    assertThat(cancelled.jsonPath().getString("status")).isEqualTo("CANCELLED");
    assertThat(Shop.available(chair)).isEqualTo(2);
    assertThat(ledgers.stock(chair)).containsExactly(2, 0);
    assertThat(ledgers.reservation(id)).isEqualTo("RESTOCKED");
    assertThat(ledgers.statement(id)).isEqualTo("APPROVED captured refunded");

    Response again = customer.request().post("/api/v1/orders/" + id + "/cancel");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.jsonPath().getString("status")).isEqualTo("CANCELLED");
    assertThat(ledgers.stock(chair)).containsExactly(2, 0);
  }

  @Test
  void theSameKeyReplaysTheOrderAndAnotherRequestUnderItIsRefused() {
    long mug = Shop.product("8.00", 10);
    Account customer = Accounts.newCustomer("replay");
    Shop.addToCart(customer, mug, 1);
    String key = UUID.randomUUID().toString();

    Response first = Shop.placeOrder(customer, key, Shop.checkout(Shop.APPROVED));
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
    Shop.addToCart(customer, mug, 1); // a fuller cart does not change what the key already ordered

    Response replay = Shop.placeOrder(customer, key, Shop.checkout(Shop.APPROVED));
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
    assertThat(replay.jsonPath().getInt("lines[0].quantity")).isEqualTo(1);

    Problems.assertProblem(
        Shop.placeOrder(customer, key, Shop.checkout("5555555555554444")),
        422,
        "idempotency-key-reused");
    assertThat(ledgers.orders(customer.id())).isEqualTo(1);
    assertThat(ledgers.payments(customer.id())).isEqualTo(1);
  }

  @Test
  void tenConcurrentSubmissionsUnderOneKeyMakeOneOrderAndOneCharge() {
    long pen = Shop.product("3.50", 20);
    Account customer = Accounts.newCustomer("dupes");
    Shop.addToCart(customer, pen, 2);
    String key = UUID.randomUUID().toString();

    List<Response> responses =
        Concurrently.send(10, i -> Shop.placeOrder(customer, key, Shop.checkout(Shop.APPROVED)));

    assertThat(responses)
        .allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isIn(200, 201, 202));
    assertThat(responses.stream().map(r -> r.jsonPath().getString("id")).distinct()).hasSize(1);
    assertThat(responses.stream().filter(r -> r.statusCode() != 200))
        .as("exactly one first submission")
        .hasSize(1);
    String id = responses.get(0).jsonPath().getString("id");
    assertThat(
            Shop.awaitSettled(customer, id, Duration.ofSeconds(30)).jsonPath().getString("status"))
        .isEqualTo("CONFIRMED");
    assertThat(ledgers.orders(customer.id())).isEqualTo(1);
    assertThat(ledgers.payments(customer.id())).isEqualTo(1);
    assertThat(ledgers.statement(id)).isEqualTo("APPROVED captured");
    assertThat(ledgers.stock(pen)).containsExactly(18, 0);
  }

  @Test
  void theDefaultAddressShipsWhenTheRequestNamesNone() {
    long book = Shop.product("15.00", 5);
    Account customer = Accounts.newCustomer("address");
    Shop.addToCart(customer, book, 1);
    String cardOnly = "{\"card\":" + Shop.card(Shop.APPROVED) + "}";

    Problems.assertProblem(
        Shop.placeOrder(customer, UUID.randomUUID().toString(), cardOnly),
        422,
        "shipping-address-required");

    Response profile =
        customer
            .request()
            .body(
                """
                {"name":"Addressed","addresses":[{"recipient":"Grace Home","line1":"2 Default Road","postalCode":"75001",
                 "city":"Paris","country":"FR","isDefault":true}]}\
                """)
            .put("/api/v1/users/me");
    assertThat(profile.statusCode()).as(profile.asString()).isEqualTo(200);
    Response placed = Shop.placeOrder(customer, UUID.randomUUID().toString(), cardOnly);
    assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
    assertThat(placed.jsonPath().getString("shippingAddress.city")).isEqualTo("Paris");
    assertThat(placed.jsonPath().getString("shippingAddress.recipient")).isEqualTo("Grace Home");
  }

  @Test
  void badCheckoutsAreRefusedAndOrderNothing() {
    long vase = Shop.product("30.00", 5);
    Account customer = Accounts.newCustomer("bad-checkout");
    String good = Shop.checkout(Shop.APPROVED);

    Problems.assertProblem(
        Shop.placeOrder(customer, UUID.randomUUID().toString(), good), 422, "cart-empty");
    Shop.addToCart(customer, vase, 1);

    Problems.assertProblem(customer.request().body(good).post("/api/v1/orders"), 400);
    Problems.assertProblem(Shop.placeOrder(customer, "x".repeat(256), good), 400);
    Problems.assertProblem(Shop.placeOrder(customer, "has space", good), 400);
    Problems.assertProblem(
        Shop.placeOrder(customer, UUID.randomUUID().toString(), Shop.checkout("4242424242424241")),
        400);
    Problems.assertProblem(
        Shop.placeOrder(customer, UUID.randomUUID().toString(), Shop.checkout("4242 4242")), 400);
    Problems.assertProblem(
        Shop.placeOrder(
            customer,
            UUID.randomUUID().toString(),
            good.replace("\"expiryYear\":2030", "\"expiryYear\":2021")),
        422,
        "card-expired");
    Problems.assertProblem(
        Shop.placeOrder(
            customer,
            UUID.randomUUID().toString(),
            good.replace("\"expiryMonth\":12", "\"expiryMonth\":13")),
        400);
    Problems.assertProblem(
        Shop.placeOrder(
            customer,
            UUID.randomUUID().toString(),
            good.replace("\"cvc\":\"123\"", "\"cvc\":\"12a\"")),
        400);
    Problems.assertProblem(Shop.placeOrder(customer, UUID.randomUUID().toString(), "{}"), 400);
    Problems.assertProblem(
        Shop.placeOrder(customer, UUID.randomUUID().toString(), "{\"card\":"), 400);
    Problems.assertProblem(
        Shop.placeOrder(
            customer,
            UUID.randomUUID().toString(),
            good.replace("\"country\":\"DE\"", "\"country\":\"Germany\"")),
        400);

    Accounts.admin().request().delete("/api/v1/products/" + vase).then().statusCode(204);
    Problems.assertProblem(
        Shop.placeOrder(customer, UUID.randomUUID().toString(), good), 422, "product-unavailable");

    assertThat(ledgers.orders(customer.id())).isZero();
    assertThat(ledgers.payments(customer.id())).isZero();
    assertThat(ledgers.stock(vase)).containsExactly(5, 0);
  }
}
