package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.ExtractionSuite;
import dev.cleave.apitests.support.Problems;
import dev.cleave.apitests.support.ServiceKey;
import dev.cleave.apitests.support.Shop;
import dev.cleave.apitests.support.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The module APIs over HTTP ({@code /internal/v1/<module>/...}), what other services call once the
 * modules are split: the {@code service} role only, the same answers and the same problems as the
 * in-process bindings.
 */
@ApiTest
@ExtractionSuite
class InternalApiIT {

  private static Account customer;
  private static long product;

  @BeforeAll
  static void fixtures() {
    customer = Accounts.newCustomer("internal");
    product = Shop.product("10.00", 100);
  }

  /**
   * Where a module's internal API answers: the monolith, or the module's own service (never the
   * gateway).
   */
  private static String internal(String module) {
    return CleaveSystem.serverOf(module);
  }

  private static RequestSpecification asService() {
    String token =
        CleaveSystem.tokens()
            .token("service-order", "service", TestTokens.ISSUER, Duration.ofMinutes(5));
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  /** One payment method per test card (a replay must name the same one). */
  private static final Map<String, String> METHODS = new ConcurrentHashMap<>();

  private static String method(String customerId, String card) {
    return """
    {"customerId":"%s","card":%s}\
    """
        .formatted(customerId, Shop.card(card));
  }

  /** Registers the card as the customer's payment method (once per card) and returns its token. */
  private static String token(String card) {
    return METHODS.computeIfAbsent(
        card,
        number -> {
          Response registered =
              asService()
                  .body(method(customer.id(), number))
                  .put(
                      internal("payment")
                          + "/internal/v1/payment/payments/methods/"
                          + UUID.randomUUID());
          assertThat(registered.statusCode()).as(registered.asString()).isEqualTo(200);
          return registered.jsonPath().getString("token");
        });
  }

  private static String authorization(String card, String amount) {
    return """
    {"customerId":"%s","amount":{"amount":%s,"currency":"EUR"},"paymentMethod":"%s"}\
    """
        .formatted(customer.id(), amount, token(card));
  }

  private static String lines(long productId, int quantity) {
    return "{\"lines\":[{\"productId\":" + productId + ",\"quantity\":" + quantity + "}]}";
  }

  @Test
  void onlyServicesReachTheModuleApis() {
    record Call(String name, Function<RequestSpecification, Response> send, int serviceStatus) {}
    String key = UUID.randomUUID().toString();
    for (Call call :
        new Call[] {
          new Call(
              "catalog lookup",
              r ->
                  r.queryParam("id", product)
                      .get(internal("product") + "/internal/v1/product/catalog/products"),
              200),
          new Call(
              "reserve",
              r ->
                  r.body(lines(product, 1))
                      .put(internal("product") + "/internal/v1/product/reservations/" + key),
              200),
          new Call(
              "customer",
              r -> r.get(internal("user") + "/internal/v1/user/customers/" + customer.id()),
              200),
          new Call(
              "register",
              r ->
                  r.body(method(customer.id(), Shop.APPROVED))
                      .put(internal("payment") + "/internal/v1/payment/payments/methods/" + key),
              200),
          new Call(
              "authorize",
              r ->
                  r.body(authorization(Shop.APPROVED, "3.00"))
                      .put(internal("payment") + "/internal/v1/payment/payments/" + key),
              200),
          new Call(
              "payment",
              r -> r.get(internal("payment") + "/internal/v1/payment/payments/" + key),
              200)
        }) {
      assertThat(call.send().apply(given().contentType(ContentType.JSON)).statusCode())
          .as(call.name() + " anonymous")
          .isEqualTo(401);
      assertThat(call.send().apply(customer.request()).statusCode())
          .as(call.name() + " customer")
          .isEqualTo(403);
      assertThat(call.send().apply(Accounts.admin().request()).statusCode())
          .as(call.name() + " admin")
          .isEqualTo(403);
      Response served = call.send().apply(asService());
      assertThat(served.statusCode())
          .as(call.name() + " service: " + served.asString())
          .isEqualTo(call.serviceStatus());
    }
  }

  @Test
  void aServicesOwnKeyIsTrustedForTheServiceRoleAndNothingElse() {
    ServiceKey key =
        CleaveSystem.serviceKey()
            .orElseThrow(
                () ->
                    new TestAbortedException("needs the service key of a system this run started"));
    Response served =
        given()
            .auth()
            .oauth2(key.token("order-service", "service"))
            .queryParam("id", product)
            .get(internal("product") + "/internal/v1/product/catalog/products");
    assertThat(served.statusCode()).as(served.asString()).isEqualTo(200);
    Problems.assertProblem(
        given().auth().oauth2(key.token("order-service", "admin")).get("/api/v1/users"), 401);
    Problems.assertProblem(
        given()
            .auth()
            .oauth2(key.token("order-service", "admin"))
            .queryParam("id", product)
            .get(internal("product") + "/internal/v1/product/catalog/products"),
        401);
    Problems.assertProblem(
        given().auth().oauth2(key.token(customer.id(), "customer")).get("/api/v1/cart"), 401);
  }

  @Test
  void stockReservationsOverHttpKeepTheirRules() {
    String order = UUID.randomUUID().toString();
    Response held =
        asService()
            .body(lines(product, 2))
            .put(internal("product") + "/internal/v1/product/reservations/" + order);
    assertThat(held.statusCode()).as(held.asString()).isEqualTo(200);
    assertThat(held.jsonPath().getString("status")).isEqualTo("HELD");
    assertThat(
            asService()
                .body(lines(product, 2))
                .put(internal("product") + "/internal/v1/product/reservations/" + order)
                .jsonPath()
                .getString("status"))
        .as("repeat")
        .isEqualTo("HELD");
    Problems.assertProblem(
        asService()
            .body(lines(product, 3))
            .put(internal("product") + "/internal/v1/product/reservations/" + order),
        409,
        "reservation-conflict");
    assertThat(
            asService()
                .post(
                    internal("product") + "/internal/v1/product/reservations/" + order + "/commit")
                .jsonPath()
                .getString("status"))
        .isEqualTo("COMMITTED");
    assertThat(
            asService()
                .post(
                    internal("product") + "/internal/v1/product/reservations/" + order + "/restock")
                .jsonPath()
                .getString("status"))
        .isEqualTo("RESTOCKED");
    Problems.assertProblem(
        asService()
            .post(internal("product") + "/internal/v1/product/reservations/" + order + "/release"),
        409,
        "reservation-conflict");
    Problems.assertProblem(
        asService()
            .post(
                internal("product")
                    + "/internal/v1/product/reservations/"
                    + UUID.randomUUID()
                    + "/commit"),
        404,
        "reservation-not-found");
    Problems.assertProblem(
        asService()
            .body(lines(product, 0))
            .put(internal("product") + "/internal/v1/product/reservations/x1"),
        400);
    Problems.assertProblem(
        asService()
            .body(lines(product, 1))
            .put(internal("product") + "/internal/v1/product/reservations/bad%20id"),
        400);
    Problems.assertProblem(
        asService().get(internal("product") + "/internal/v1/product/catalog/products"), 400);
    Response unknown =
        asService()
            .queryParam("id", 999_999_999L)
            .get(internal("product") + "/internal/v1/product/catalog/products");
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.jsonPath().getList("$")).isEmpty();
  }

  @Test
  void paymentsOverHttpKeepTheirIdempotency() {
    String key = UUID.randomUUID().toString();
    Response authorized =
        asService()
            .body(authorization(Shop.APPROVED, "19.99"))
            .put(internal("payment") + "/internal/v1/payment/payments/" + key);
    assertThat(authorized.statusCode()).as(authorized.asString()).isEqualTo(200);
    assertThat(authorized.jsonPath().getString("status")).isEqualTo("AUTHORIZED");
    assertThat(authorized.jsonPath().getString("cardLast4")).isEqualTo("4242");
    assertThat(authorized.asString()).doesNotContain("424242424242");
    Response replay =
        asService()
            .body(authorization(Shop.APPROVED, "19.99"))
            .put(internal("payment") + "/internal/v1/payment/payments/" + key);
    assertThat(replay.jsonPath().getString("updatedAt"))
        .isEqualTo(authorized.jsonPath().getString("updatedAt"));
    Problems.assertProblem(
        asService()
            .body(authorization(Shop.APPROVED, "20.00"))
            .put(internal("payment") + "/internal/v1/payment/payments/" + key),
        422,
        "idempotency-key-reused");
    assertThat(
            asService()
                .post(internal("payment") + "/internal/v1/payment/payments/" + key + "/capture")
                .jsonPath()
                .getString("status"))
        .isEqualTo("CAPTURED");
    Problems.assertProblem(
        asService().post(internal("payment") + "/internal/v1/payment/payments/" + key + "/void"),
        409,
        "payment-state-conflict");
    assertThat(
            asService()
                .post(internal("payment") + "/internal/v1/payment/payments/" + key + "/refund")
                .jsonPath()
                .getString("status"))
        .isEqualTo("REFUNDED");

    Response declined =
        asService()
            .body(authorization(Shop.DECLINED, "5.00"))
            .put(internal("payment") + "/internal/v1/payment/payments/" + UUID.randomUUID());
    assertThat(declined.jsonPath().getString("status")).isEqualTo("DECLINED");
    assertThat(declined.jsonPath().getString("failure")).isEqualTo("CARD_DECLINED");

    Problems.assertProblem(
        asService().get(internal("payment") + "/internal/v1/payment/payments/" + UUID.randomUUID()),
        404,
        "payment-not-found");
    Problems.assertProblem(
        asService()
            .body(method(customer.id(), "4242424242424241"))
            .put(
                internal("payment") + "/internal/v1/payment/payments/methods/" + UUID.randomUUID()),
        400);
    Problems.assertProblem(
        asService()
            .body(authorization(Shop.APPROVED, "0.00"))
            .put(internal("payment") + "/internal/v1/payment/payments/" + UUID.randomUUID()),
        422,
        "invalid-amount");
    Problems.assertProblem(
        asService()
            .body("{\"customerId\":\"c\"}")
            .put(internal("payment") + "/internal/v1/payment/payments/" + UUID.randomUUID()),
        400);
    Problems.assertProblem(
        asService()
            .body(
                "{\"customerId\":\"c\",\"amount\":{\"amount\":1,\"currency\":\"EUR\"},"
                    + "\"paymentMethod\":\"pm_"
                    + "x".repeat(24)
                    + "\"}")
            .put(internal("payment") + "/internal/v1/payment/payments/" + UUID.randomUUID()),
        422,
        "unknown-payment-method");
  }

  @Test
  void paymentMethodsOverHttpAreKeptOnceAndOnlyForTheirCustomer() {
    String key = UUID.randomUUID().toString();
    Response registered =
        asService()
            .body(method(customer.id(), Shop.APPROVED))
            .put(internal("payment") + "/internal/v1/payment/payments/methods/" + key);
    assertThat(registered.statusCode()).as(registered.asString()).isEqualTo(200);
    String token = registered.jsonPath().getString("token");
    assertThat(token).matches("pm_[A-Za-z0-9]{24}");
    assertThat(registered.jsonPath().getString("cardLast4")).isEqualTo("4242");
    assertThat(registered.asString()).doesNotContain("424242424242");
    assertThat(
            asService()
                .body(method(customer.id(), Shop.APPROVED))
                .put(internal("payment") + "/internal/v1/payment/payments/methods/" + key)
                .jsonPath()
                .getString("token"))
        .as("a replay")
        .isEqualTo(token);
    Problems.assertProblem(
        asService()
            .body(method(customer.id(), "5555555555554444"))
            .put(internal("payment") + "/internal/v1/payment/payments/methods/" + key),
        422,
        "idempotency-key-reused");
    Problems.assertProblem(
        asService()
            .body(
                """
                {"customerId":"%s","card":{"number":"4242424242424242","expiryMonth":1,"expiryYear":2020,"cvc":"123"}}\
                """
                    .formatted(customer.id()))
            .put(
                internal("payment") + "/internal/v1/payment/payments/methods/" + UUID.randomUUID()),
        422,
        "card-expired");
    Response theirs =
        asService()
            .body(
                """
                {"customerId":"someone-else","amount":{"amount":1,"currency":"EUR"},"paymentMethod":"%s"}\
                """
                    .formatted(token))
            .put(internal("payment") + "/internal/v1/payment/payments/" + UUID.randomUUID());
    Problems.assertProblem(theirs, 422, "unknown-payment-method");
    assertThat(theirs.asString()).doesNotContain(token);
  }

  @Test
  void customersOverHttp() {
    Response found =
        asService().get(internal("user") + "/internal/v1/user/customers/" + customer.id());
    assertThat(found.jsonPath().getString("email")).isEqualTo(customer.email());
    Problems.assertProblem(
        asService().get(internal("user") + "/internal/v1/user/customers/" + UUID.randomUUID()),
        404,
        "user-not-found");
  }
}
