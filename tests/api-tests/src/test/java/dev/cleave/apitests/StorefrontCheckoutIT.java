package dev.cleave.apitests;

import static dev.cleave.apitests.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.Browser;
import dev.cleave.apitests.support.Shop;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Buying in a real browser, in whichever shape the suite runs: search, add to the cart, change it,
 * check out with the simulated processor's test cards, follow the order until it settles, find it
 * in the history and cancel it. Every figure the page shows is checked against the public API's own
 * answer, and every refusal the person meets is the API's problem, shown beside its field.
 */
@ApiTest
class StorefrontCheckoutIT {

  @RegisterExtension static final Browser browser = new Browser();

  private static void signIn(Account account, String next) {
    browser.signIn(account.email(), account.password(), next);
  }

  private static void type(String css, String text) {
    WebElement field = browser.find(css);
    field.clear();
    field.sendKeys(text);
  }

  private static void fillAddress(String postalCode) {
    type("#checkout-shippingAddress-recipient", "Ada Shopper");
    type("#checkout-shippingAddress-line1", "1 Test Street");
    type("#checkout-shippingAddress-postalCode", postalCode);
    type("#checkout-shippingAddress-city", "Berlin");
    type("#checkout-shippingAddress-country", "de");
  }

  private static void fillCardAndPay(String cardNumber) {
    type("#checkout-card-number", cardNumber);
    type("#checkout-card-cvc", "123");
    browser.find(".place-order").click();
  }

  /** Fills the checkout form's address and card and sends it. */
  private static void payWith(String cardNumber) {
    fillAddress("10115");
    fillCardAndPay(cardNumber);
  }

  private static String awaitOrderPage() {
    browser.await(d -> browser.path().startsWith("/orders/"));
    browser.awaitView();
    return browser.path().substring("/orders/".length());
  }

  private static String awaitStatus(String status) {
    return browser.await(
        d -> {
          List<WebElement> order = browser.findAll("article.order[data-status=" + status + "]");
          return order.isEmpty() ? null : order.get(0).getAttribute("data-order-id");
        });
  }

  private static JsonPath order(Account account, String id) {
    Response answer = account.request().get("/api/v1/orders/" + id);
    assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
    return answer.jsonPath();
  }

  @Test
  void searchesBuysFindsTheOrderInTheHistoryAndCancelsIt() {
    long productId = Shop.product("12.50", 5);
    String sku = given().get("/api/v1/products/" + productId).jsonPath().getString("sku");
    Account account = Accounts.newCustomer("checkout");
    signIn(account, "/account");

    browser.open("/?q=" + sku);
    browser.find(".product-card[data-product-id='" + productId + "'] a").click();
    browser.await(d -> browser.path().equals("/products/" + productId));
    browser.awaitView();
    type("#buy-quantity", "3");
    browser.find(".add-to-cart button").click();
    browser.await(d -> !browser.findAll(".added").isEmpty());
    assertThat(browser.find(".added").getText()).startsWith("In your cart: 3 units.");
    browser.screenshot("storefront-product-buy");

    browser.find(".added a").click();
    browser.await(d -> browser.path().equals("/cart"));
    browser.awaitView();
    WebElement line = browser.find(".cart-line[data-product-id='" + productId + "']");
    assertThat(line.findElement(By.cssSelector(".line-total")).getText()).contains("37.50");
    type("#cart-" + productId + "-quantity", "2");
    browser.find(".line-quantity button").click();
    browser.await(d -> browser.text(".total").contains("25.00"));
    JsonPath cart = account.request().get("/api/v1/cart").jsonPath();
    assertThat(cart.getInt("units")).isEqualTo(2);
    assertThat(new BigDecimal(cart.getString("total.amount"))).isEqualByComparingTo("25.00");
    assertThat(browser.accessibilityViolations("serious", "critical")).isEmpty();
    browser.screenshot("storefront-cart");

    browser.find(".checkout").click();
    browser.await(d -> browser.path().equals("/checkout"));
    browser.awaitView();
    assertThat(browser.find("#checkout-shippingAddress-recipient").getAttribute("value"))
        .as("the recipient, prefilled with the account's name")
        .isEqualTo("Customer checkout");
    assertThat(browser.accessibilityViolations("serious", "critical")).isEmpty();
    payWith(Shop.APPROVED);
    String orderId = awaitOrderPage();
    awaitStatus("CONFIRMED");
    JsonPath placed = order(account, orderId);
    assertThat(placed.getString("status")).isEqualTo("CONFIRMED");
    assertThat(browser.find(".order .total").getText()).contains("25.00");
    assertThat(new BigDecimal(placed.getString("total.amount"))).isEqualByComparingTo("25.00");
    assertThat(browser.find(".paid-with").getText()).isEqualTo("Visa ending in 4242");
    assertThat(browser.find(".ships-to").getText())
        .isEqualTo("Ada Shopper, 1 Test Street, 10115 Berlin, DE");
    assertThat(Shop.available(productId)).isEqualTo(3);
    assertThat(account.request().get("/api/v1/cart").jsonPath().getList("lines")).isEmpty();
    assertThat(browser.accessibilityViolations("serious", "critical")).isEmpty();
    browser.screenshot("storefront-order");

    browser.find(".nav-orders").click();
    browser.await(d -> browser.path().equals("/orders"));
    browser.awaitView();
    WebElement row = browser.find(".order-row[data-order-id='" + orderId + "']");
    assertThat(row.getText()).contains("Confirmed");
    row.findElement(By.tagName("a")).click();
    browser.await(d -> browser.path().equals("/orders/" + orderId));
    browser.awaitView();

    browser.find(".cancel-order").click();
    awaitStatus("CANCELLED");
    assertThat(order(account, orderId).getString("status")).isEqualTo("CANCELLED");
    assertThat(Shop.available(productId)).as("restocked").isEqualTo(5);
    assertThat(browser.findAll(".cancel-order")).isEmpty();
  }

  @Test
  void eachRefusedCardEndsTheOrderWithItsReasonAndNothingCharged() {
    long productId = Shop.product("4.00", 10);
    Account account = Accounts.newCustomer("refused-cards");
    signIn(account, "/account");
    for (String card : List.of(Shop.DECLINED, Shop.NO_FUNDS, Shop.PROCESSOR_ERROR)) {
      Shop.addToCart(account, productId, 1);
      browser.open("/checkout");
      payWith(card);
      String orderId = awaitOrderPage();
      String status = card.equals(Shop.PROCESSOR_ERROR) ? "FAILED" : "PAYMENT_DECLINED";
      awaitStatus(status);
      JsonPath ended = order(account, orderId);
      assertThat(ended.getString("status")).as(card).isEqualTo(status);
      assertThat(browser.find(".failure-reason").getText())
          .isEqualTo(ended.getString("failureReason"));
      assertThat(browser.find(".status-explanation").getText()).contains("Nothing was charged");
      assertThat(browser.findAll(".cancel-order")).isEmpty();
      if (card.equals(Shop.DECLINED)) {
        assertThat(browser.accessibilityViolations("serious", "critical")).isEmpty();
        browser.screenshot("storefront-order-declined");
      }
    }
    assertThat(Shop.available(productId)).as("every reservation released").isEqualTo(10);
    browser.open("/orders");
    assertThat(browser.findAll(".order-row")).hasSize(3);
  }

  @Test
  void aSlowCardShowsTheOrderPendingThenConfirmedWithoutAReload() {
    long productId = Shop.product("9.99", 2);
    Account account = Accounts.newCustomer("slow-card");
    Shop.addToCart(account, productId, 1);
    signIn(account, "/checkout");
    payWith(Shop.SLOW);
    awaitOrderPage();
    // The processor takes CLEAVE_PAYMENT_SLOW_CARD_DELAY (4 s in tests): the checkout answers 202
    // before that, and the page says the order is still being placed.
    assertThat(browser.text(".status-label")).isEqualTo("Being placed");
    browser.script("window.cleaveTestMark = 'same page';");
    awaitStatus("CONFIRMED");
    assertThat(browser.find(".status-label").getText()).isEqualTo("Confirmed");
    assertThat(browser.script("return window.cleaveTestMark;"))
        .as("the page followed the order by itself: no reload")
        .isEqualTo("same page");
  }

  @Test
  void badCardAndAddressShowTheApisProblemBesideTheFieldsAndPlaceNothing() {
    long productId = Shop.product("3.00", 4);
    Account account = Accounts.newCustomer("bad-checkout");
    signIn(account, "/products/" + productId);
    type("#buy-quantity", "0");
    browser.find(".add-to-cart button").click();
    browser.await(d -> !browser.findAll(".buy-box [role=alert]").isEmpty());
    Response zero =
        account
            .request()
            .body("{\"productId\":" + productId + ",\"quantity\":0}")
            .post("/api/v1/cart/items");
    assertProblem(zero, 400, "validation");
    assertThat(browser.find("#buy-quantity-error").getText())
        .isEqualTo(zero.jsonPath().getString("errors.find { it.field == 'quantity' }.message"));
    type("#buy-quantity", "1");
    browser.find(".add-to-cart button").click();
    browser.await(d -> !browser.findAll(".added").isEmpty());

    browser.open("/checkout");
    fillAddress("10115!");
    fillCardAndPay("4242424242424241");
    browser.await(d -> !browser.findAll(".checkout-form [role=alert]").isEmpty());
    Response refused =
        account
            .request()
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                "{\"card\":"
                    + Shop.card("4242424242424241")
                    + ",\"shippingAddress\":{\"recipient\":\"Ada\",\"line1\":\"1 Test Street\","
                    + "\"postalCode\":\"10115!\",\"city\":\"Berlin\",\"country\":\"DE\"}}")
            .post("/api/v1/orders");
    assertProblem(refused, 400, "validation");
    assertThat(browser.find("#checkout-card-number-error").getText())
        .isEqualTo(
            refused.jsonPath().getString("errors.find { it.field == 'card.number' }.message"));
    assertThat(browser.find("#checkout-shippingAddress-postalCode-error").getText())
        .isEqualTo(
            refused
                .jsonPath()
                .getString("errors.find { it.field == 'shippingAddress.postalCode' }.message"));
    assertThat(browser.find("#checkout-card-number").getAttribute("value"))
        .as("the card number is typed again, never written back into the page")
        .isEmpty();
    assertThat(browser.find("#checkout-shippingAddress-city").getAttribute("value"))
        .isEqualTo("Berlin");
    assertThat(browser.accessibilityViolations("serious", "critical")).isEmpty();
    browser.screenshot("storefront-checkout-problem");

    // A card that expired last month: the API's 422. (In January, last month's year is one the
    // form no longer offers.)
    YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    if (lastMonth.getYear() == YearMonth.now(ZoneOffset.UTC).getYear()) {
      type("#checkout-shippingAddress-postalCode", "10115");
      new Select(browser.find("#checkout-card-expiryYear"))
          .selectByValue(String.valueOf(lastMonth.getYear()));
      new Select(browser.find("#checkout-card-expiryMonth"))
          .selectByValue(String.valueOf(lastMonth.getMonthValue()));
      fillCardAndPay(Shop.APPROVED);
      browser.await(
          d ->
              !browser
                  .findAll(".problem[data-problem-type='https://cleave.dev/problems/card-expired']")
                  .isEmpty());
      assertThat(browser.path()).isEqualTo("/checkout");
    }
    assertThat(account.request().get("/api/v1/orders").jsonPath().getInt("totalItems"))
        .as("nothing was placed")
        .isZero();
    assertThat(account.request().get("/api/v1/cart").jsonPath().getInt("units")).isEqualTo(1);
    assertThat(Shop.available(productId)).isEqualTo(4);
  }
}
