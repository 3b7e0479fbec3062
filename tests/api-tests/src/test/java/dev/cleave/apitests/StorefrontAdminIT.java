package dev.cleave.apitests;

import static dev.cleave.apitests.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.Browser;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Shop;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrators' pages in a real browser: a product created, its stock counted, its price
 * changed and taken off sale; every customer's orders, filtered by status. Each change is checked
 * in the public API, each refusal is the API's problem beside its field, and a customer is kept
 * out.
 */
@ApiTest
class StorefrontAdminIT {

  @RegisterExtension static final Browser browser = new Browser();

  private static void signInAsAdmin(String next) {
    CleaveSystem.Admin admin = CleaveSystem.admin();
    browser.signIn(admin.email(), admin.password(), next);
  }

  private static void type(String css, String text) {
    WebElement field = browser.find(css);
    field.clear();
    field.sendKeys(text);
  }

  private static String fieldMessage(Response problem, String field) {
    return problem.jsonPath().getString("errors.find { it.field == '" + field + "' }.message");
  }

  private static JsonPath product(long id) {
    return given().get("/api/v1/products/" + id).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void createsAProductCountsItsStockChangesItsPriceAndTakesItOffSale() {
    signInAsAdmin("/admin/products/new");
    assertThat(browser.find(".nav-admin").getText()).isEqualTo("Admin");
    type("#product-new-sku", "lower case");
    type("#product-new-name", "Admin Kettle");
    new Select(browser.find("#product-new-category")).selectByValue("kitchen");
    type("#product-new-price", "19.999");
    browser.find(".product-new-form button[type=submit]").click();
    browser.await(d -> !browser.findAll(".product-form [role=alert]").isEmpty());
    Response refused =
        Accounts.admin()
            .request()
            .body(
                "{\"sku\":\"lower case\",\"name\":\"Admin Kettle\",\"category\":\"kitchen\","
                    + "\"price\":19.999,\"currency\":\"EUR\"}")
            .post("/api/v1/products");
    assertProblem(refused, 400, "validation");
    assertThat(browser.find("#product-new-sku-error").getText())
        .isEqualTo(fieldMessage(refused, "sku"));
    assertThat(browser.find("#product-new-price-error").getText())
        .isEqualTo(fieldMessage(refused, "price"));
    assertThat(browser.find("#product-new-name").getAttribute("value")).isEqualTo("Admin Kettle");
    assertThat(browser.accessibilityViolations("serious", "critical")).isEmpty();

    String sku = "ADM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    type("#product-new-sku", sku);
    // The catalog's search reads names and descriptions, not SKUs: a name to find it by.
    type("#product-new-name", "Admin Kettle " + sku);
    type("#product-new-price", "19.90");
    browser.find(".product-new-form button[type=submit]").click();
    browser.await(d -> browser.path().matches("/admin/products/[0-9]+"));
    browser.awaitView();
    long id = Long.parseLong(browser.path().substring("/admin/products/".length()));
    JsonPath created = product(id);
    assertThat(created.getString("sku")).isEqualTo(sku);
    assertThat(new BigDecimal(created.getString("price.amount"))).isEqualByComparingTo("19.90");
    assertThat(created.getString("category.slug")).isEqualTo("kitchen");
    assertThat(created.getInt("available")).isZero();
    assertThat(browser.find("h1").getText()).isEqualTo("Admin Kettle " + sku);

    type("#stock-onHand", "-3");
    browser.find(".stock-form button").click();
    browser.await(d -> !browser.findAll(".stock-form [role=alert]").isEmpty());
    Response negative =
        Accounts.admin().request().body("{\"onHand\":-3}").put("/api/v1/products/" + id + "/stock");
    assertProblem(negative, 400, "validation");
    assertThat(browser.find("#stock-onHand-error").getText())
        .isEqualTo(fieldMessage(negative, "onHand"));

    type("#stock-onHand", "7");
    browser.find(".stock-form button").click();
    browser.await(d -> browser.text(".saved").equals("Stock set: 7 in stock."));
    assertThat(browser.find(".stock-now").getAttribute("data-available")).isEqualTo("7");
    assertThat(Shop.available(id)).isEqualTo(7);

    type("#product-edit-price", "17.50");
    browser.find(".product-edit-form button[type=submit]").click();
    browser.await(d -> browser.text(".saved").equals("Details saved."));
    assertThat(new BigDecimal(product(id).getString("price.amount"))).isEqualByComparingTo("17.50");
    assertThat(browser.find("#product-edit-price").getAttribute("value")).isEqualTo("17.50");
    assertThat(browser.accessibilityViolations("serious", "critical")).isEmpty();
    browser.screenshot("storefront-admin-product");

    browser.open("/admin/products?q=" + sku);
    assertThat(
            browser.findAll(".admin-product").stream()
                .map(row -> row.getAttribute("data-product-id")))
        .containsExactly(String.valueOf(id));
    browser.find(".admin-product a").click();
    browser.await(d -> browser.path().equals("/admin/products/" + id));
    browser.awaitView();
    browser.find(".deactivate").click();
    browser.await(d -> browser.path().equals("/admin/products"));
    browser.awaitView();
    assertThat(given().get("/api/v1/products/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void seesEveryCustomersOrdersFilteredByStatus() {
    long productId = Shop.product("2.00", 3);
    Account customer = Shop.shopper("admin-orders", productId);
    Response placed = Shop.placeOrder(customer, Shop.DECLINED);
    String orderId = placed.jsonPath().getString("id");
    Shop.awaitSettled(customer, orderId, Duration.ofSeconds(30));

    signInAsAdmin("/admin/orders");
    new Select(browser.find("#admin-orders-status")).selectByValue("PAYMENT_DECLINED");
    browser.find(".admin-search button").click();
    browser.await(d -> browser.path().equals("/admin/orders?status=PAYMENT_DECLINED"));
    browser.awaitView();
    JsonPath declined =
        Accounts.admin()
            .request()
            .get("/api/v1/admin/orders?status=PAYMENT_DECLINED&size=20")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(
            browser.findAll(".admin-order").stream().map(row -> row.getAttribute("data-order-id")))
        .containsExactlyElementsOf(declined.getList("items.id", String.class));
    assertThat(
            browser.findAll(".admin-order[data-status]").stream()
                .map(row -> row.getAttribute("data-status")))
        .containsOnly("PAYMENT_DECLINED");
    assertThat(browser.accessibilityViolations("serious", "critical")).isEmpty();
    browser.screenshot("storefront-admin-orders");

    browser.find(".admin-order[data-order-id='" + orderId + "'] a").click();
    browser.await(d -> browser.path().equals("/orders/" + orderId));
    browser.awaitView();
    assertThat(browser.find("article.order").getAttribute("data-status"))
        .isEqualTo("PAYMENT_DECLINED");

    // A status the API does not know, typed into the URL: its problem, shown on the page.
    browser.open("/admin/orders?status=LOST");
    Response unknown = Accounts.admin().request().get("/api/v1/admin/orders?status=LOST");
    assertProblem(unknown, 400, "validation");
    assertThat(browser.find(".problem-fields").getText()).contains(fieldMessage(unknown, "status"));
    assertThat(browser.findAll(".admin-order")).isEmpty();
  }

  @Test
  void aCustomerIsKeptOutAndAVisitorIsSentToSignIn() {
    browser.open("/admin/orders");
    browser.await(d -> browser.path().equals("/sign-in?next=/admin/orders"));

    Account customer = Accounts.newCustomer("not-admin");
    browser.signIn(customer.email(), customer.password(), "/account");
    assertThat(browser.findAll(".nav-admin")).isEmpty();
    for (String page : new String[] {"/admin/orders", "/admin/products", "/admin/products/new"}) {
      browser.open(page);
      assertThat(browser.find("h1").getText()).as(page).isEqualTo("For administrators only");
    }
    assertThat(customer.request().get("/api/v1/admin/orders").statusCode()).isEqualTo(403);
    assertThat(browser.findAll("main form")).as("nothing to fill in").isEmpty();
  }
}
