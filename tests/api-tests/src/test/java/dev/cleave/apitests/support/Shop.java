package dev.cleave.apitests.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts.Account;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Shopping through the public API: products with stock, carts, checkouts, and waiting for a saga to
 * finish.
 */
public final class Shop {

  /** Test cards of the simulated processor (modules/payment/README.md). */
  public static final String APPROVED = "4242424242424242";

  public static final String DECLINED = "4000000000000002";
  public static final String NO_FUNDS = "4000000000009995";
  public static final String PROCESSOR_ERROR = "4000000000000119";
  public static final String SLOW = "4000000000005209";

  public static final String ADDRESS =
      """
      {"recipient":"Ada Shopper","line1":"1 Test Street","postalCode":"10115","city":"Berlin","country":"DE"}\
      """;

  private static final Set<String> SETTLED =
      Set.of("CONFIRMED", "REJECTED", "PAYMENT_DECLINED", "FAILED", "CANCELLED");

  private Shop() {}

  /** A new active product at {@code price} EUR with {@code units} on hand. */
  public static long product(String price, int units) {
    String sku = "SHOP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    Response created =
        Accounts.admin()
            .request()
            .body(
                """
                {"sku":"%s","name":"Shop %s","category":"garden","price":%s,"currency":"EUR"}\
                """
                    .formatted(sku, sku, price))
            .post("/api/v1/products");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    long id = created.jsonPath().getLong("id");
    stock(id, units);
    return id;
  }

  public static void stock(long productId, int units) {
    Response counted =
        Accounts.admin()
            .request()
            .body("{\"onHand\":" + units + "}")
            .put("/api/v1/products/" + productId + "/stock");
    assertThat(counted.statusCode()).as(counted.asString()).isEqualTo(200);
  }

  /**
   * Units of the product available to new orders (on hand minus reserved), from the product page.
   */
  public static int available(long productId) {
    return given()
        .get("/api/v1/products/" + productId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getInt("available");
  }

  /**
   * A customer with one unit of the product in the cart; the token is minted (no login), which
   * keeps tests short.
   */
  public static Account shopper(String tag, long productId) {
    String id = UUID.randomUUID().toString();
    Account customer =
        new Account(id, tag + "@cleave.test", null, CleaveSystem.tokens().customer(id), null);
    addToCart(customer, productId, 1);
    return customer;
  }

  public static void addToCart(Account account, long productId, int quantity) {
    Response added =
        account
            .request()
            .body("{\"productId\":" + productId + ",\"quantity\":" + quantity + "}")
            .post("/api/v1/cart/items");
    assertThat(added.statusCode()).as(added.asString()).isEqualTo(200);
  }

  public static String card(String number) {
    return "{\"number\":\"" + number + "\",\"expiryMonth\":12,\"expiryYear\":2030,\"cvc\":\"123\"}";
  }

  /** The body of a checkout with this card, shipping to {@link #ADDRESS}. */
  public static String checkout(String cardNumber) {
    return "{\"card\":" + card(cardNumber) + ",\"shippingAddress\":" + ADDRESS + "}";
  }

  public static Response placeOrder(Account account, String idempotencyKey, String body) {
    return account
        .request()
        .header("Idempotency-Key", idempotencyKey)
        .body(body)
        .post("/api/v1/orders");
  }

  /** Places an order (the cart must hold something) with a fresh key. */
  public static Response placeOrder(Account account, String cardNumber) {
    return placeOrder(account, UUID.randomUUID().toString(), checkout(cardNumber));
  }

  /** Polls the order until its saga reached a final state; returns that state's response. */
  public static Response awaitSettled(Account account, String orderId, Duration timeout) {
    return awaitSettled(account.accessToken(), orderId, timeout);
  }

  /** As {@link #awaitSettled(Account, String, Duration)}, for the holder of {@code accessToken}. */
  public static Response awaitSettled(String accessToken, String orderId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Response order;
    do {
      order = given().auth().oauth2(accessToken).get("/api/v1/orders/" + orderId);
      assertThat(order.statusCode()).as(order.asString()).isEqualTo(200);
      if (SETTLED.contains(order.jsonPath().getString("status"))) {
        return order;
      }
      pause();
    } while (System.nanoTime() < deadline);
    throw new AssertionError("order " + orderId + " never settled: " + order.asString());
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
