package dev.cleave.apitests;

import static dev.cleave.apitests.support.Problems.assertClientError;
import static dev.cleave.apitests.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.Browser;
import dev.cleave.apitests.support.CleaveSystem;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The storefront in a real browser (Chromium), in whichever shape the suite runs (the monolith
 * serves it; the split system's gateway serves the same files): what a person sees and does, each
 * figure checked against the public API's own answer. Every test ends with a console free of errors
 * and warnings, which is also where a Content-Security-Policy violation would show.
 */
@ApiTest
class StorefrontIT {

  @RegisterExtension static final Browser browser = new Browser();

  private static JsonPath api(String pathAndQuery) {
    return given().get(pathAndQuery).then().statusCode(200).extract().jsonPath();
  }

  private static List<String> cardIds() {
    return browser.findAll(".product-card").stream()
        .map(card -> card.getAttribute("data-product-id"))
        .toList();
  }

  @Test
  void browsesTheCatalogPageByPageWithTheBackButtonAndTheKeyboard() {
    browser.open("/");
    // The first Tab reaches the skip link, which takes the keyboard past the header.
    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    assertThat(browser.script("return document.activeElement.className")).isEqualTo("skip-link");
    JsonPath first = api("/api/v1/products?size=12");
    assertThat(browser.find("h1").getText()).isEqualTo("Catalog");
    assertThat(cardIds()).isEqualTo(ids(first));
    assertThat(browser.find(".results").getAttribute("data-total"))
        .isEqualTo(first.getString("totalItems"));
    assertThat(browser.find(".result-count").getText()).contains("showing 1–12");
    browser.screenshot("storefront-catalog");

    browser.find(".pager-next").click();
    browser.await(d -> browser.path().equals("/?page=2"));
    browser.awaitView();
    assertThat(cardIds()).isEqualTo(ids(api("/api/v1/products?size=12&page=2")));
    assertThat(browser.script("return document.activeElement.tagName")).isEqualTo("H1");

    browser.driver().navigate().back();
    browser.await(d -> browser.path().equals("/"));
    browser.awaitView();
    assertThat(cardIds()).isEqualTo(ids(first));
  }

  @Test
  void searchesWithCategoryPriceAndSortAsTheApiDoes() {
    browser.open("/");
    String category = api("/api/v1/products?q=coffee&size=1").getString("items[0].category");
    browser.find("#search-q").sendKeys("coffee");
    new Select(browser.find("#search-category")).selectByValue(category);
    browser.find("#search-minPrice").sendKeys("1");
    browser.find("#search-maxPrice").sendKeys("500");
    new Select(browser.find("#search-sort")).selectByValue("price_asc");
    browser.find(".search-form button[type=submit]").click();
    String expected = "/?q=coffee&category=" + category + "&minPrice=1&maxPrice=500&sort=price_asc";
    browser.await(d -> browser.path().equals(expected));
    browser.awaitView();

    JsonPath answer = api("/api/v1/products" + expected.substring(1) + "&size=12");
    assertThat(answer.getLong("totalItems")).isPositive();
    assertThat(browser.find("h1").getText()).isEqualTo("Results for “coffee”");
    assertThat(cardIds()).isEqualTo(ids(answer));
    List<WebElement> cards = browser.findAll(".product-card");
    assertThat(cards)
        .allSatisfy(
            card ->
                assertThat(
                        card.findElement(By.cssSelector(".category")).getAttribute("data-category"))
                    .isEqualTo(category));
    List<BigDecimal> prices =
        browser.findAll(".product-card .price").stream()
            .map(price -> new BigDecimal(price.getAttribute("data-amount")))
            .toList();
    assertThat(prices)
        .isSorted()
        .allSatisfy(p -> assertThat(p).isBetween(BigDecimal.ONE, new BigDecimal("500")));
    // The form shows the search it made, so it can be changed.
    assertThat(browser.find("#search-q").getAttribute("value")).isEqualTo("coffee");

    browser.open("/?q=zzqqxxnothing");
    assertThat(browser.find(".result-count").getText()).isEqualTo("No products match this search.");
  }

  @Test
  void badInputInTheSearchFormShowsTheApisProblemBesideTheField() {
    browser.open("/");
    browser.find("#search-minPrice").sendKeys("abc");
    browser.find("#search-maxPrice").sendKeys("5" + Keys.ENTER);
    browser.await(d -> browser.path().equals("/?minPrice=abc&maxPrice=5"));
    browser.awaitView();

    Response problem = given().get("/api/v1/products?minPrice=abc&maxPrice=5&size=12");
    assertProblem(problem, 400);
    String message = problem.jsonPath().getString("errors.find { it.field == 'minPrice' }.message");
    WebElement box = browser.find(".problem[role=alert]");
    assertThat(box.findElement(By.cssSelector(".problem-title")).getText())
        .isEqualTo(problem.jsonPath().getString("title"));
    assertThat(box.getText()).contains("Lowest price: " + message);
    assertThat(browser.find("#search-minPrice").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.find("#search-minPrice-error").getText()).isEqualTo(message);
    assertThat(browser.find("#search-maxPrice").getAttribute("aria-invalid")).isNull();
    assertThat(browser.findAll(".product-card")).isEmpty();
    assertThat(browser.accessibilityViolations("serious", "critical")).isEmpty();

    // Mending the field makes a good search.
    WebElement min = browser.find("#search-minPrice");
    min.clear();
    min.sendKeys("1" + Keys.ENTER);
    browser.await(d -> browser.path().equals("/?minPrice=1&maxPrice=5"));
    browser.awaitView();
    assertThat(browser.findAll(".problem")).isEmpty();
  }

  @Test
  void aProductPageShowsItsAvailabilityLive() {
    long id = createProduct("Storefront lantern");
    try {
      setStock(id, 5);
      browser.open("/?q=" + "Storefront%20lantern");
      browser.find(".product-card[data-product-id='" + id + "'] h2 a").click();
      browser.await(d -> browser.path().equals("/products/" + id));
      browser.awaitView();
      assertThat(browser.find("h1").getText()).isEqualTo("Storefront lantern");
      assertThat(browser.find(".product .price").getAttribute("data-amount")).isEqualTo("12.5");
      assertThat(browser.find("#availability").getText()).isEqualTo("5 in stock");
      assertThat(browser.script("return document.title"))
          .isEqualTo("Storefront lantern – Cleave shop");
      browser.screenshot("storefront-product");
      assertThat(browser.accessibilityViolations("serious", "critical")).isEmpty();

      setStock(id, 0);
      browser.await(d -> "0".equals(browser.find("#availability").getAttribute("data-available")));
      assertThat(browser.find("#availability").getText()).isEqualTo("Out of stock");
      setStock(id, 1);
      browser.await(d -> "1".equals(browser.find("#availability").getAttribute("data-available")));
      assertThat(browser.find("#availability").getText()).isEqualTo("Only 1 left in stock");

      // The breadcrumb leads back to the product's category.
      browser.find(".breadcrumbs li:nth-child(2) a").click();
      browser.await(d -> browser.path().equals("/?category=garden"));
      browser.awaitView();
      assertThat(
              new Select(browser.find("#search-category"))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo("garden");
    } finally {
      asAdmin().delete("/api/v1/products/" + id).then().statusCode(204);
    }
  }

  @Test
  void aProductThatIsNotThereShowsTheApisProblem() {
    browser.open("/products/999999999999");
    assertThat(browser.find("h1").getText()).isEqualTo("Product not found");
    Response problem = given().get("/api/v1/products/999999999999");
    assertProblem(problem, 404);
    assertThat(browser.find(".problem-detail").getText())
        .isEqualTo(problem.jsonPath().getString("detail"));

    browser.open("/products/lantern");
    assertThat(browser.find("h1").getText()).isEqualTo("Page not found");
    assertThat(browser.find(".message a").getAttribute("href")).endsWith("/");
  }

  @Test
  void theCatalogHasNoSeriousAccessibilityViolationAndFitsAPhone() {
    browser.open("/");
    assertThat(browser.accessibilityViolations("serious", "critical")).isEmpty();
    browser.open("/?q=zzqqxxnothing");
    assertThat(browser.accessibilityViolations("serious", "critical")).isEmpty();
    try {
      browser.resize(390, 844);
      browser.open("/");
      assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
          .as("no sideways scrolling at a phone's width")
          .isEqualTo(true);
      assertThat(browser.find("#search-q").isDisplayed()).isTrue();
      browser.screenshot("storefront-phone");
    } finally {
      browser.resize(1280, 1000);
    }
  }

  @Test
  void servesItsFilesWithTheHeadersABrowserAppNeeds() {
    for (String path : List.of("/", "/products/1", "/assets/app.js", "/assets/style.css")) {
      Response answer = given().get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
      assertThat(answer.header("Content-Security-Policy"))
          .as(path)
          .contains("script-src 'self'", "frame-ancestors 'none'")
          .doesNotContain("unsafe-inline", "unsafe-eval");
      String etag = answer.header("ETag");
      assertThat(given().header("If-None-Match", etag).get(path).statusCode()).isEqualTo(304);
    }
    assertThat(given().get("/").contentType()).startsWith("text/html");
    assertThat(given().get("/assets/app.js").contentType()).startsWith("text/javascript");
    // The API's answers, good and bad, carry nosniff too.
    assertThat(given().get("/api/v1/categories").header("X-Content-Type-Options"))
        .isEqualTo("nosniff");
    for (String path : List.of("/assets/missing.js", "/assets/", "/assets/app.js/x")) {
      Response missing = given().get(path);
      assertProblem(missing, 404);
      assertThat(missing.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
    }
    // Dot segments and encoded slashes never reach a file: the container normalises them away (the
    // monolith) or the front door refuses them (the gateway, 400); either way a problem.
    for (String path : List.of("/assets/../index.html", "/assets/..%2Findex.html")) {
      Response refused = given().urlEncodingEnabled(false).get(path);
      assertClientError(refused);
      assertThat(refused.asString()).doesNotContain("<html");
    }
    Response posted = given().contentType(ContentType.JSON).body("{}").post("/");
    assertProblem(posted, 405);
    assertThat(posted.header("Allow")).isEqualTo("GET, HEAD");
    assertThat(given().get("/products/1").asString()).isEqualTo(given().get("/").asString());
  }

  private static List<String> ids(JsonPath page) {
    return page.getList("items.id", Long.class).stream().map(String::valueOf).toList();
  }

  private static RequestSpecification asAdmin() {
    return given().auth().oauth2(CleaveSystem.tokens().admin()).contentType(ContentType.JSON);
  }

  private static long createProduct(String name) {
    String sku = "SHOP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    String body =
        """
        {"sku":"%s","name":"%s","description":"For the storefront's tests.\\n\\nIt lights nothing.",
         "category":"garden","price":12.50,"currency":"EUR"}\
        """
            .formatted(sku, name);
    Response created = asAdmin().body(body).post("/api/v1/products");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    return created.jsonPath().getLong("id");
  }

  private static void setStock(long id, int units) {
    asAdmin()
        .body("{\"onHand\":" + units + "}")
        .put("/api/v1/products/" + id + "/stock")
        .then()
        .statusCode(200);
  }
}
