package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Concurrently;
import dev.cleave.apitests.support.ExtractionSuite;
import dev.cleave.apitests.support.Problems;
import dev.cleave.apitests.support.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@ApiTest
@ExtractionSuite
class CatalogAdministrationIT {

  private static RequestSpecification asAdmin() {
    return given().auth().oauth2(CleaveSystem.tokens().admin()).contentType(ContentType.JSON);
  }

  private static String uniqueSku() {
    return "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  private static String product(String sku, String name, String price) {
    return """
    {"sku":"%s","name":"%s","description":"Made by the API tests.","category":"garden",
     "price":%s,"currency":"EUR"}\
    """
        .formatted(sku, name, price);
  }

  private static long create(String sku, String name) {
    Response created = asAdmin().body(product(sku, name, "12.50")).post("/api/v1/products");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    return created.jsonPath().getLong("id");
  }

  @Test
  void createsAProductThatShoppersCanFind() {
    String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String sku = uniqueSku();
    Response created =
        asAdmin().body(product(sku, "Trowel " + word, "12.5")).post("/api/v1/products");
    assertThat(created.statusCode()).isEqualTo(201);
    long id = created.jsonPath().getLong("id");
    assertThat(created.header("Location")).endsWith("/api/v1/products/" + id);
    assertThat(created.jsonPath().getString("price.amount")).isEqualTo("12.5");
    assertThat(created.jsonPath().getInt("available")).isZero();

    given()
        .get("/api/v1/products?q=" + word)
        .then()
        .statusCode(200)
        .body("totalItems", Matchers.equalTo(1))
        .body("items[0].sku", Matchers.equalTo(sku));
  }

  @Test
  void ignoresServerOwnedFieldsInTheBody() {
    String sku = uniqueSku();
    String body =
        """
        {"id":1,"sku":"%s","name":"Sneaky","category":"garden","price":5,"currency":"EUR",
         "active":false,"available":999,"createdAt":"2000-01-01T00:00:00Z"}\
        """
            .formatted(sku);
    Response created = asAdmin().body(body).post("/api/v1/products");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.jsonPath().getLong("id")).isNotEqualTo(1L);
    assertThat(created.jsonPath().getBoolean("active")).isTrue();
    assertThat(created.jsonPath().getInt("available")).isZero();
  }

  @Test
  void refusesADuplicateSku() {
    String sku = uniqueSku();
    create(sku, "First");
    Problems.assertProblem(
        asAdmin().body(product(sku, "Second", "1.00")).post("/api/v1/products"),
        409,
        "duplicate-sku");
  }

  @Test
  void concurrentCreatesOfOneSkuMakeExactlyOneProduct() {
    String sku = uniqueSku();
    String body = product(sku, "Raced", "3.00");
    String token = CleaveSystem.tokens().admin();
    List<Response> responses =
        Concurrently.send(
            8,
            i ->
                given()
                    .auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/products"));
    for (Response response : responses) {
      if (response.statusCode() != 201) {
        Problems.assertProblem(response, 409, "duplicate-sku");
      }
    }
    assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
    given().queryParam("q", "Raced").get("/api/v1/products").then().statusCode(200);
  }

  @Test
  void refusesUnknownCategoriesAndCurrencies() {
    String unknownCategory =
        product(uniqueSku(), "X", "1.00").replace("\"garden\"", "\"no-such-category\"");
    Problems.assertProblem(
        asAdmin().body(unknownCategory).post("/api/v1/products"), 422, "unknown-category");
    String unknownCurrency = product(uniqueSku(), "X", "1.00").replace("\"EUR\"", "\"XYZ\"");
    Problems.assertProblem(
        asAdmin().body(unknownCurrency).post("/api/v1/products"), 422, "unknown-currency");
  }

  @Test
  void replacesAProductButNotItsSku() {
    String sku = uniqueSku();
    long id = create(sku, "Before");
    Response replaced =
        asAdmin().body(product(sku, "After", "20.00")).put("/api/v1/products/" + id);
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(replaced.jsonPath().getString("name")).isEqualTo("After");
    assertThat(given().get("/api/v1/products/" + id).jsonPath().getString("price.amount"))
        .isEqualTo("20.0");
    Problems.assertProblem(
        asAdmin().body(product(uniqueSku(), "After", "20.00")).put("/api/v1/products/" + id),
        422,
        "sku-immutable");
    Problems.assertProblem(
        asAdmin().body(product(sku, "X", "1.00")).put("/api/v1/products/987654321"),
        404,
        "product-not-found");
  }

  @Test
  void deactivatedProductsDisappearForShoppers() {
    String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    long id = create(uniqueSku(), "Short-lived " + word);
    given()
        .get("/api/v1/products?q=" + word)
        .then()
        .statusCode(200)
        .body("totalItems", Matchers.equalTo(1));
    asAdmin().delete("/api/v1/products/" + id).then().statusCode(204);
    asAdmin().delete("/api/v1/products/" + id).then().statusCode(204);
    Problems.assertProblem(given().get("/api/v1/products/" + id), 404);
    given()
        .get("/api/v1/products?q=" + word)
        .then()
        .statusCode(200)
        .body("totalItems", Matchers.equalTo(0));
  }

  @Test
  void setsStockAfterACount() {
    long id = create(uniqueSku(), "Counted");
    Response counted = asAdmin().body("{\"onHand\":42}").put("/api/v1/products/" + id + "/stock");
    assertThat(counted.statusCode()).isEqualTo(200);
    assertThat(counted.jsonPath().getInt("available")).isEqualTo(42);
    assertThat(given().get("/api/v1/products/" + id).jsonPath().getInt("available")).isEqualTo(42);
  }

  @Test
  void requiresAToken() {
    Response response =
        given()
            .contentType(ContentType.JSON)
            .body(product(uniqueSku(), "X", "1"))
            .post("/api/v1/products");
    Problems.assertProblem(response, 401);
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    Problems.assertProblem(given().delete("/api/v1/products/1"), 401);
    Problems.assertProblem(
        given()
            .contentType(ContentType.JSON)
            .body("{\"onHand\":1}")
            .put("/api/v1/products/1/stock"),
        401);
  }

  @Test
  void requiresTheAdminRole() {
    String customer = CleaveSystem.tokens().customer("customer-1");
    Problems.assertProblem(
        given()
            .auth()
            .oauth2(customer)
            .contentType(ContentType.JSON)
            .body(product(uniqueSku(), "X", "1"))
            .post("/api/v1/products"),
        403);
    Problems.assertProblem(given().auth().oauth2(customer).delete("/api/v1/products/1"), 403);
  }

  @Test
  void rejectsTokensItCannotTrust() {
    TestTokens tokens = CleaveSystem.tokens();
    String body = product(uniqueSku(), "X", "1");
    for (String token :
        new String[] {
          TestTokens.signedByStranger(),
          tokens.token("admin-1", "admin", TestTokens.ISSUER, Duration.ofMinutes(-10)),
          tokens.token("admin-1", "admin", "https://evil.example/issuer", Duration.ofMinutes(5)),
          "not.a.token"
        }) {
      Problems.assertProblem(
          given()
              .auth()
              .oauth2(token)
              .contentType(ContentType.JSON)
              .body(body)
              .post("/api/v1/products"),
          401);
    }
  }

  /**
   * A public read needs no token, but a token that is presented must be valid (RFC 6750 {@code
   * invalid_token}): a client with a stale or foreign token learns it at once instead of being
   * served as anonymous. Without the header, the same read answers 200.
   */
  @Test
  void publicReadsRefuseAnInvalidTokenButNeedNone() {
    Problems.assertProblem(
        given().auth().oauth2(TestTokens.signedByStranger()).get("/api/v1/categories"), 401);
    given().get("/api/v1/categories").then().statusCode(200);
  }
}
