package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Shop;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may call what: every operation of the published OpenAPI document, called by an anonymous
 * client, a customer, another customer and an administrator, answers with the status this table
 * expects. An operation without a row fails, so a new endpoint cannot ship without a decision about
 * who may call it; a row without an operation fails too, so the table cannot rot.
 */
@ApiTest
class AccessMatrixIT {

  enum Caller {
    ANONYMOUS,
    CUSTOMER,
    OTHER_CUSTOMER,
    ADMIN
  }

  /** One operation's request (given a prepared request for the caller) and expected statuses. */
  private record Row(
      BiFunction<RequestSpecification, Caller, Response> call,
      int anonymous,
      int customer,
      int otherCustomer,
      int admin) {
    int expected(Caller caller) {
      return switch (caller) {
        case ANONYMOUS -> anonymous;
        case CUSTOMER -> customer;
        case OTHER_CUSTOMER -> otherCustomer;
        case ADMIN -> admin;
      };
    }
  }

  private static Account customer;
  private static Account otherCustomer;
  private static Account target;
  private static long productId;
  private static long stockedProductId;
  private static String customersOrder;
  private static String productSku;
  private static final Map<String, Row> MATRIX = new LinkedHashMap<>();

  private static final String PRODUCT =
      """
      {"sku":"%s","name":"Matrix","category":"garden","price":1.00,"currency":"EUR"}\
      """;
  private static final String PROFILE = "{\"name\":\"Matrix\",\"addresses\":[]}";

  private static String sku() {
    return "MX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  private static long newProduct() {
    return Accounts.admin()
        .request()
        .body(PRODUCT.formatted(sku()))
        .post("/api/v1/products")
        .jsonPath()
        .getLong("id");
  }

  private static void row(
      String operation,
      BiFunction<RequestSpecification, Caller, Response> call,
      int anonymous,
      int customer,
      int otherCustomer,
      int admin) {
    MATRIX.put(operation, new Row(call, anonymous, customer, otherCustomer, admin));
  }

  @BeforeAll
  static void fixtures() {
    customer = Accounts.newCustomer("matrix");
    otherCustomer = Accounts.newCustomer("matrix-other");
    target = Accounts.newCustomer("matrix-target");
    productSku = sku();
    productId =
        Accounts.admin()
            .request()
            .body(PRODUCT.formatted(productSku))
            .post("/api/v1/products")
            .jsonPath()
            .getLong("id");

    stockedProductId = Shop.product("2.00", 1000);
    Shop.addToCart(customer, stockedProductId, 1);
    customersOrder =
        Shop.placeOrder(customer, Shop.APPROVED)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getString("id");

    row("GET /api/v1/cart", (r, c) -> r.get("/api/v1/cart"), 401, 200, 200, 200);
    row("GET /api/v1/topology", (r, c) -> r.get("/api/v1/topology"), 401, 403, 403, 200);
    row(
        "POST /api/v1/cart/items",
        (r, c) ->
            r.body("{\"productId\":" + stockedProductId + ",\"quantity\":1}")
                .post("/api/v1/cart/items"),
        401,
        200,
        200,
        200);
    row(
        "PUT /api/v1/cart/items/{productId}",
        (r, c) -> r.body("{\"quantity\":2}").put("/api/v1/cart/items/" + stockedProductId),
        401,
        200,
        200,
        200);
    row(
        "DELETE /api/v1/cart/items/{productId}",
        (r, c) -> r.delete("/api/v1/cart/items/" + stockedProductId),
        401,
        204,
        204,
        204);
    // Each caller fills their cart first (with the same request's credentials), then checks out.
    row(
        "POST /api/v1/orders",
        (r, c) -> {
          if (c != Caller.ANONYMOUS) {
            as(c)
                .body("{\"productId\":" + stockedProductId + ",\"quantity\":1}")
                .post("/api/v1/cart/items")
                .then()
                .statusCode(200);
          }
          return r.header("Idempotency-Key", UUID.randomUUID().toString())
              .body(Shop.checkout(Shop.APPROVED))
              .post("/api/v1/orders");
        },
        401,
        201,
        201,
        201);
    row("GET /api/v1/orders", (r, c) -> r.get("/api/v1/orders"), 401, 200, 200, 200);
    // The customer's own order: its owner and administrators reach it, another customer gets 404.
    row(
        "GET /api/v1/orders/{id}",
        (r, c) -> r.get("/api/v1/orders/" + customersOrder),
        401,
        200,
        404,
        200);
    row(
        "POST /api/v1/orders/{id}/cancel",
        (r, c) -> r.post("/api/v1/orders/" + customersOrder + "/cancel"),
        401,
        200,
        404,
        200);
    row("GET /api/v1/admin/orders", (r, c) -> r.get("/api/v1/admin/orders"), 401, 403, 403, 200);
    // The payment of the customer's order (keyed by the order id): like the order itself.
    row(
        "GET /api/v1/payments/{key}",
        (r, c) -> r.get("/api/v1/payments/" + customersOrder),
        401,
        200,
        404,
        200);

    row(
        "GET /.well-known/jwks.json",
        (r, c) -> r.get("/.well-known/jwks.json"),
        200,
        200,
        200,
        200);
    row(
        "POST /api/v1/auth/login",
        (r, c) ->
            r.header("X-Forwarded-For", Accounts.randomClientAddress())
                .body(
                    "{\"email\":\""
                        + target.email()
                        + "\",\"password\":\""
                        + target.password()
                        + "\"}")
                .post("/api/v1/auth/login"),
        200,
        200,
        200,
        200);
    row(
        "POST /api/v1/auth/refresh",
        (r, c) ->
            r.body(
                    "{\"refreshToken\":\""
                        + Accounts.loggedIn(target.id(), target.email(), target.password())
                            .refreshToken()
                        + "\"}")
                .post("/api/v1/auth/refresh"),
        200,
        200,
        200,
        200);
    row(
        "POST /api/v1/auth/logout",
        (r, c) ->
            r.body(
                    "{\"refreshToken\":\""
                        + Accounts.loggedIn(target.id(), target.email(), target.password())
                            .refreshToken()
                        + "\"}")
                .post("/api/v1/auth/logout"),
        204,
        204,
        204,
        204);

    row(
        "POST /api/v1/auth/browser/login",
        (r, c) ->
            r.header(BrowserSessionIT.HEADER, "1")
                .header("X-Forwarded-For", Accounts.randomClientAddress())
                .body(
                    "{\"email\":\""
                        + target.email()
                        + "\",\"password\":\""
                        + target.password()
                        + "\"}")
                .post("/api/v1/auth/browser/login"),
        200,
        200,
        200,
        200);
    row(
        "POST /api/v1/auth/browser/refresh",
        (r, c) ->
            r.header(BrowserSessionIT.HEADER, "1")
                .cookie(
                    BrowserSessionIT.COOKIE,
                    BrowserSessionIT.cookieOf(BrowserSessionIT.login(target)))
                .post("/api/v1/auth/browser/refresh"),
        200,
        200,
        200,
        200);
    row(
        "POST /api/v1/auth/browser/logout",
        (r, c) ->
            r.header(BrowserSessionIT.HEADER, "1")
                .cookie(
                    BrowserSessionIT.COOKIE,
                    BrowserSessionIT.cookieOf(BrowserSessionIT.login(target)))
                .post("/api/v1/auth/browser/logout"),
        204,
        204,
        204,
        204);

    row("GET /api/v1/categories", (r, c) -> r.get("/api/v1/categories"), 200, 200, 200, 200);
    row("GET /api/v1/products", (r, c) -> r.get("/api/v1/products"), 200, 200, 200, 200);
    row(
        "GET /api/v1/products/{id}",
        (r, c) -> r.get("/api/v1/products/" + productId),
        200,
        200,
        200,
        200);
    row(
        "POST /api/v1/products",
        (r, c) -> r.body(PRODUCT.formatted(sku())).post("/api/v1/products"),
        401,
        403,
        403,
        201);
    row(
        "PUT /api/v1/products/{id}",
        (r, c) -> r.body(PRODUCT.formatted(productSku)).put("/api/v1/products/" + productId),
        401,
        403,
        403,
        200);
    row(
        "DELETE /api/v1/products/{id}",
        (r, c) -> r.delete("/api/v1/products/" + (c == Caller.ADMIN ? newProduct() : productId)),
        401,
        403,
        403,
        204);
    row(
        "PUT /api/v1/products/{id}/stock",
        (r, c) -> r.body("{\"onHand\":5}").put("/api/v1/products/" + productId + "/stock"),
        401,
        403,
        403,
        200);

    row(
        "POST /api/v1/users",
        (r, c) ->
            r.body(
                    "{\"email\":\""
                        + Accounts.uniqueEmail("matrix-new")
                        + "\",\"password\":\""
                        + Accounts.PASSWORD
                        + "\",\"name\":\"New\"}")
                .post("/api/v1/users"),
        201,
        201,
        201,
        201);
    row("GET /api/v1/users", (r, c) -> r.get("/api/v1/users"), 401, 403, 403, 200);
    row("GET /api/v1/users/me", (r, c) -> r.get("/api/v1/users/me"), 401, 200, 200, 200);
    row(
        "PUT /api/v1/users/me",
        (r, c) -> r.body(PROFILE).put("/api/v1/users/me"),
        401,
        200,
        200,
        200);
    // The customer's own id: only administrators read users by id, owners use /me.
    row(
        "GET /api/v1/users/{id}",
        (r, c) -> r.get("/api/v1/users/" + customer.id()),
        401,
        403,
        403,
        200);
    row(
        "PUT /api/v1/users/{id}/roles/admin",
        (r, c) -> r.put("/api/v1/users/" + target.id() + "/roles/admin"),
        401,
        403,
        403,
        200);
    row(
        "DELETE /api/v1/users/{id}/roles/admin",
        (r, c) -> r.delete("/api/v1/users/" + target.id() + "/roles/admin"),
        401,
        403,
        403,
        200);
  }

  /**
   * "METHOD /path" of every operation in the published OpenAPI documents (one per module server).
   */
  private static Set<String> documentedOperations() {
    Set<String> operations = new TreeSet<>();
    Set<String> methods =
        Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    for (String server : CleaveSystem.moduleServers()) {
      Map<String, Map<String, Object>> paths =
          given()
              .baseUri(server)
              .queryParam("format", "JSON")
              .get("/openapi")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getMap("paths");
      paths.forEach(
          (path, item) ->
              item.keySet().stream()
                  .filter(methods::contains)
                  .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
    }
    return operations;
  }

  private static RequestSpecification as(Caller caller) {
    RequestSpecification request = given().contentType(ContentType.JSON);
    Account account =
        switch (caller) {
          case ANONYMOUS -> null;
          case CUSTOMER -> customer;
          case OTHER_CUSTOMER -> otherCustomer;
          case ADMIN -> Accounts.admin();
        };
    return account == null ? request : request.auth().oauth2(account.accessToken());
  }

  @TestFactory
  Stream<DynamicTest> everyOperationAnswersEachCallerAsTheMatrixSays() {
    return documentedOperations().stream()
        .flatMap(
            operation -> {
              Row row = MATRIX.get(operation);
              if (row == null) {
                return Stream.of(
                    DynamicTest.dynamicTest(
                        operation + " has a row",
                        () -> {
                          throw new AssertionError(
                              "No access-matrix row for "
                                  + operation
                                  + ": add one to AccessMatrixIT saying who may call it");
                        }));
              }
              return Stream.of(Caller.values())
                  .map(
                      caller ->
                          DynamicTest.dynamicTest(
                              operation + " as " + caller,
                              () -> {
                                Response response = row.call().apply(as(caller), caller);
                                assertThat(response.statusCode())
                                    .as("%s as %s: %s", operation, caller, response.asString())
                                    .isEqualTo(row.expected(caller));
                              }));
            });
  }

  @Test
  void everyRowIsADocumentedOperation() {
    assertThat(documentedOperations()).containsAll(MATRIX.keySet());
    assertThat(documentedOperations()).noneMatch(operation -> operation.contains(" /internal/"));
  }

  @Test
  void aCustomersOwnProfileIsTheirsAlone() {
    for (Account account : List.of(customer, otherCustomer)) {
      assertThat(account.request().get("/api/v1/users/me").jsonPath().getString("id"))
          .isEqualTo(account.id());
    }
  }
}
