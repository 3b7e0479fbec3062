package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Problems;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of client mistake gets a 4xx problem+json that says what to fix; never a 5xx. */
@ApiTest
class BadInputIT {

  private static RequestSpecification asAdmin() {
    return given().auth().oauth2(CleaveSystem.tokens().admin()).contentType(ContentType.JSON);
  }

  private static final String VALID =
      """
      {"sku":"BAD-INPUT-1","name":"Valid","category":"garden","price":1.00,"currency":"EUR"}\
      """;

  @Test
  void listsEveryInvalidSearchParameter() {
    Response response =
        Problems.assertProblem(
            given()
                .urlEncodingEnabled(false)
                .get(
                    "/api/v1/products?page=x&size=0&minPrice=-1&maxPrice=abc&sort=cheapest&category=Not%20A%20Slug"),
            400,
            "validation");
    List<String> fields = response.jsonPath().getList("errors.field");
    assertThat(fields)
        .containsExactlyInAnyOrder("page", "size", "minPrice", "maxPrice", "sort", "category");
    assertThat(response.jsonPath().getList("errors.message", String.class))
        .allSatisfy(m -> assertThat(m).isNotBlank());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "size=1000000000",
        "size=101",
        "page=0",
        "page=-1",
        "page=99999999999999999999",
        "minPrice=0.001",
        "minPrice=1e400",
        "maxPrice=10000000000",
        "minPrice=50&maxPrice=10"
      })
  void rejectsOutOfRangeNumbers(String query) {
    Problems.assertProblem(given().urlEncodingEnabled(false).get("/api/v1/products?" + query), 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"%00", "abc%07def", "%1B%5B31m"})
  void rejectsControlCharactersInSearchText(String text) {
    Problems.assertProblem(
        given().urlEncodingEnabled(false).get("/api/v1/products?q=" + text), 400);
  }

  @Test
  void rejectsOverlongSearchText() {
    Problems.assertProblem(given().queryParam("q", "a".repeat(201)).get("/api/v1/products"), 400);
    Problems.assertClientError(given().queryParam("q", "a".repeat(20_000)).get("/api/v1/products"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "'; drop table products; --",
        "\" or 1=1 --",
        "a' union select * from pg_user --",
        "%",
        "_",
        "\\",
        "!!! & | <-> :*",
        "(((",
        "-",
        "\"\"",
        "null"
      })
  void treatsSqlAndSearchSyntaxAsPlainText(String text) {
    Response response = given().queryParam("q", text).get("/api/v1/products");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    given().get("/api/v1/categories").then().statusCode(200);
  }

  /**
   * Ids the servlet container itself refuses (an encoded '/', '\\' or '#') never reach the API's
   * code: the answer is still a problem with a request id, never Liberty's HTML page or a stack
   * trace. Sent raw (java.net.http keeps the encoding), on id routes of every module.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/orders/..%2F..%2F..%2Fetc%2Fpasswd",
        "/api/v1/products/..%5C..%5Cwindows",
        "/api/v1/payments/..%2F..%2F",
        "/api/v1/users/%2F%2F",
        "/api/v1/products/1%23x"
      })
  void containerRefusalsAreProblemsToo(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(CleaveSystem.baseUrl() + path))
                    .header("Authorization", "Bearer " + CleaveSystem.tokens().admin())
                    .GET()
                    .build(),
                BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(400, 499);
    assertThat(response.headers().firstValue("Content-Type"))
        .as(path)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.headers().firstValue("X-Request-Id")).as(path).isPresent();
    assertThat(response.body())
        .as(path)
        .doesNotContain("Exception")
        .doesNotContain("at com.")
        .doesNotContainIgnoringCase("<html")
        .doesNotContain("CWWWC");
  }

  @Test
  void survivesInvalidUtf8InTheQuery() {
    Response response = given().urlEncodingEnabled(false).get("/api/v1/products?q=%FF%FE%C3%28");
    assertThat(response.statusCode()).isLessThan(500);
  }

  @Test
  void refusesOversizedRequestsWithProblems() {
    Problems.assertProblem(given().get("/api/v1/products?q=" + "a".repeat(10_000)), 414);
    Problems.assertProblem(given().get("/api/v1/products/" + "1".repeat(9_000)), 414);
    RequestSpecification headers = given();
    for (int i = 0; i < 20; i++) {
      headers.header("X-Filler-" + i, "f".repeat(1_000));
    }
    Problems.assertProblem(headers.get("/api/v1/categories"), 431);
    Problems.assertProblem(
        asAdmin().body("{\"name\":\"" + "x".repeat(2_000_000) + "\"}").post("/api/v1/products"),
        413);
    // Below the limits, all is as usual.
    assertThat(given().get("/api/v1/products?q=" + "a".repeat(200)).statusCode()).isEqualTo(200);
  }

  @Test
  void rejectsMalformedJson() {
    for (String body :
        List.of("{", "{\"sku\":", "[]", "not json", "{\"sku\":\"A\",}", "\"just a string\"")) {
      Problems.assertProblem(asAdmin().body(body).post("/api/v1/products"), 400, "malformed-body");
    }
  }

  @Test
  void rejectsInvalidUtf8InTheBody() {
    byte[] body = "{\"sku\":\"X\",\"name\":\"\u0000\"}".getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[body.length + 2];
    System.arraycopy(body, 0, broken, 0, body.length);
    broken[body.length] = (byte) 0xC3;
    broken[body.length + 1] = (byte) 0x28;
    Problems.assertClientError(asAdmin().body(broken).post("/api/v1/products"));
    byte[] badName =
        "{\"sku\":\"UTF-BAD\",\"name\":\"\u00ff\",\"category\":\"garden\",\"price\":1,\"currency\":\"EUR\"}"
            .getBytes(StandardCharsets.ISO_8859_1);
    Response response = asAdmin().body(badName).post("/api/v1/products");
    assertThat(response.statusCode()).as(response.asString()).isLessThan(500);
  }

  @Test
  void rejectsAnEmptyBody() {
    Problems.assertProblem(asAdmin().post("/api/v1/products"), 400);
  }

  @Test
  void listsEveryInvalidField() {
    String body =
        """
        {"sku":"lower case!","name":"","description":"%s","category":"","price":-1,"currency":"euro"}\
        """
            .formatted("d".repeat(4001));
    Response response = Problems.assertProblem(asAdmin().body(body).post("/api/v1/products"), 400);
    assertThat(response.jsonPath().getList("errors.field", String.class))
        .contains("sku", "name", "description", "category", "price", "currency");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1e400", "-0.01", "0.001", "10000000000", "\"twelve\"", "true", "[]", "{}"})
  void rejectsBadPrices(String price) {
    String body = VALID.replace("1.00", price);
    Problems.assertClientError(asAdmin().body(body).post("/api/v1/products"));
  }

  @Test
  void rejectsOverlongAndHostileText() {
    Problems.assertProblem(
        asAdmin()
            .body(VALID.replace("\"Valid\"", "\"" + "n".repeat(201) + "\""))
            .post("/api/v1/products"),
        400);
    Problems.assertProblem(
        asAdmin().body(VALID.replace("\"Valid\"", "\"bell\\u0007\"")).post("/api/v1/products"),
        400);
    Problems.assertProblem(
        asAdmin().body(VALID.replace("BAD-INPUT-1", "X".repeat(65))).post("/api/v1/products"), 400);
    Problems.assertClientError(
        asAdmin().body("{\"name\":\"" + "x".repeat(2_000_000) + "\"}").post("/api/v1/products"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"onHand\":-1}",
        "{\"onHand\":1000001}",
        "{\"onHand\":99999999999999}",
        "{\"onHand\":1.5}",
        "{\"onHand\":\"ten\"}",
        "{}",
        "{\"onHand\":null}"
      })
  void rejectsBadStockCounts(String body) {
    Problems.assertClientError(asAdmin().body(body).put("/api/v1/products/1/stock"));
  }

  @Test
  void rejectsWrongMediaTypes() {
    Problems.assertProblem(
        given()
            .auth()
            .oauth2(CleaveSystem.tokens().admin())
            .contentType("text/plain")
            .body(VALID)
            .post("/api/v1/products"),
        415);
    Problems.assertProblem(
        given()
            .auth()
            .oauth2(CleaveSystem.tokens().admin())
            .contentType("application/xml")
            .body("<product/>")
            .post("/api/v1/products"),
        415);
    Problems.assertProblem(given().accept("text/html").get("/api/v1/categories"), 406);
  }

  @Test
  void rejectsWrongMethods() {
    Response response = Problems.assertProblem(given().delete("/api/v1/categories"), 405);
    assertThat(response.header("Allow")).contains("GET");
    Problems.assertProblem(
        given().contentType(ContentType.JSON).body("{}").patch("/api/v1/products/1"), 405);
  }

  @Test
  void answersUnknownPathsWithAProblem() {
    Problems.assertProblem(given().get("/api/v1/nothing-here"), 404);
    Problems.assertProblem(given().get("/api/v2/products"), 404);
    Problems.assertProblem(given().get("/no/such/page.html"), 404);
  }
}
