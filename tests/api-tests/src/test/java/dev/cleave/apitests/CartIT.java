package dev.cleave.apitests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.Concurrently;
import dev.cleave.apitests.support.ExtractionSuite;
import dev.cleave.apitests.support.Problems;
import dev.cleave.apitests.support.Shop;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server-side cart: add, change, remove, prices from the catalog, limits and bad input. */
@ApiTest
@ExtractionSuite
class CartIT {

  @Test
  void addsChangesAndRemovesWithCurrentCatalogPrices() {
    Account customer = Accounts.newCustomer("cart");
    long tea = Shop.product("4.20", 50);
    long pot = Shop.product("31.00", 5);
    Response empty = customer.request().get("/api/v1/cart");
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.jsonPath().getList("lines")).isEmpty();
    assertThat(empty.jsonPath().getString("total")).isNull();

    Shop.addToCart(customer, tea, 2);
    Shop.addToCart(customer, tea, 3);
    Response withPot =
        customer
            .request()
            .body("{\"productId\":" + pot + ",\"quantity\":1}")
            .post("/api/v1/cart/items");
    assertThat(withPot.jsonPath().getList("lines.productId", Long.class)).containsExactly(tea, pot);
    assertThat(withPot.jsonPath().getInt("lines[0].quantity")).isEqualTo(5);
    assertThat(withPot.jsonPath().getDouble("lines[0].lineTotal.amount")).isEqualTo(21.0);
    assertThat(withPot.jsonPath().getDouble("total.amount")).isEqualTo(52.0);
    assertThat(withPot.jsonPath().getInt("units")).isEqualTo(6);

    Response set = customer.request().body("{\"quantity\":1}").put("/api/v1/cart/items/" + tea);
    assertThat(set.statusCode()).as(set.asString()).isEqualTo(200);
    assertThat(set.jsonPath().getDouble("total.amount")).isEqualTo(35.2);

    assertThat(customer.request().delete("/api/v1/cart/items/" + pot).statusCode()).isEqualTo(204);
    assertThat(customer.request().delete("/api/v1/cart/items/" + pot).statusCode()).isEqualTo(204);
    assertThat(
            customer
                .request()
                .get("/api/v1/cart")
                .jsonPath()
                .getList("lines.productId", Long.class))
        .containsExactly(tea);

    Accounts.admin().request().delete("/api/v1/products/" + tea).then().statusCode(204);
    Response stale = customer.request().get("/api/v1/cart");
    assertThat(stale.jsonPath().getBoolean("lines[0].available")).isFalse();
    assertThat(stale.jsonPath().getString("total")).isNull();
  }

  @Test
  void concurrentAddsAllCount() {
    Account customer = Accounts.newCustomer("cart-race");
    long nail = Shop.product("0.10", 1000);
    List<Response> adds =
        Concurrently.send(
            10,
            i ->
                customer
                    .request()
                    .body("{\"productId\":" + nail + ",\"quantity\":3}")
                    .post("/api/v1/cart/items"));
    assertThat(adds).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(200));
    assertThat(customer.request().get("/api/v1/cart").jsonPath().getInt("lines[0].quantity"))
        .isEqualTo(30);
  }

  @Test
  void limitsAndBadInputAreRefused() {
    Account customer = Accounts.newCustomer("cart-bad");
    long bolt = Shop.product("1.00", 500);
    Shop.addToCart(customer, bolt, 100);
    Problems.assertProblem(
        customer
            .request()
            .body("{\"productId\":" + bolt + ",\"quantity\":1}")
            .post("/api/v1/cart/items"),
        422,
        "cart-limit");
    assertThat(customer.request().get("/api/v1/cart").jsonPath().getInt("lines[0].quantity"))
        .isEqualTo(100);

    Problems.assertProblem(
        customer
            .request()
            .body("{\"productId\":999999999,\"quantity\":1}")
            .post("/api/v1/cart/items"),
        422,
        "product-unavailable");
    Problems.assertProblem(
        customer.request().body("{\"quantity\":1}").put("/api/v1/cart/items/999999999"),
        422,
        "product-unavailable");
    Problems.assertProblem(
        customer
            .request()
            .body("{\"productId\":" + bolt + ",\"quantity\":0}")
            .post("/api/v1/cart/items"),
        400);
    Problems.assertProblem(
        customer
            .request()
            .body("{\"productId\":" + bolt + ",\"quantity\":101}")
            .post("/api/v1/cart/items"),
        400);
    Problems.assertProblem(
        customer.request().body("{\"productId\":-1,\"quantity\":1}").post("/api/v1/cart/items"),
        400);
    Problems.assertProblem(
        customer
            .request()
            .body("{\"productId\":\"abc\",\"quantity\":1}")
            .post("/api/v1/cart/items"),
        400);
    Problems.assertProblem(
        customer.request().body("{\"productId\":").post("/api/v1/cart/items"), 400);
    Problems.assertProblem(
        customer.request().body("{\"quantity\":-5}").put("/api/v1/cart/items/" + bolt), 400);
    Problems.assertProblem(
        customer.request().body("{\"quantity\":5}").put("/api/v1/cart/items/abc"), 404);
    Problems.assertProblem(customer.request().delete("/api/v1/cart/items/abc"), 404);
  }
}
