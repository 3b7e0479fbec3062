package dev.cleave.apitests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.ExtractionSuite;
import dev.cleave.apitests.support.Problems;
import dev.cleave.apitests.support.Shop;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Orders are their customer's: another customer can neither read, nor cancel, nor pay for
 * (re-submit) someone else's order, and cannot even learn that it exists. Administrators see every
 * order.
 */
@ApiTest
@ExtractionSuite
class OrderAccessIT {

  private static Account owner;
  private static Account stranger;
  private static String orderId;
  private static String ownerKey;

  @BeforeAll
  static void anOrder() {
    owner = Accounts.newCustomer("owner");
    stranger = Accounts.newCustomer("stranger");
    long product = Shop.product("12.00", 10);
    Shop.addToCart(owner, product, 1);
    ownerKey = UUID.randomUUID().toString();
    Response placed = Shop.placeOrder(owner, ownerKey, Shop.checkout(Shop.APPROVED));
    assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
    orderId = placed.jsonPath().getString("id");
  }

  @Test
  void anotherCustomersOrderAnswersLikeAMissingOne() {
    Response theirs =
        Problems.assertProblem(
            stranger.request().get("/api/v1/orders/" + orderId), 404, "order-not-found");
    Response missing =
        Problems.assertProblem(
            stranger.request().get("/api/v1/orders/" + UUID.randomUUID()), 404, "order-not-found");
    assertThat(theirs.jsonPath().getString("title"))
        .isEqualTo(missing.jsonPath().getString("title"));
    Problems.assertProblem(
        stranger.request().post("/api/v1/orders/" + orderId + "/cancel"), 404, "order-not-found");
    assertThat(owner.request().get("/api/v1/orders/" + orderId).jsonPath().getString("status"))
        .isEqualTo("CONFIRMED");
  }

  @Test
  void listsShowOnlyTheCallersOrders() {
    assertThat(stranger.request().get("/api/v1/orders").jsonPath().getList("items.id"))
        .doesNotContain(orderId);
    assertThat(owner.request().get("/api/v1/orders").jsonPath().getList("items.id"))
        .contains(orderId);
  }

  @Test
  void anotherCustomersIdempotencyKeyNeverReachesTheirOrder() {
    long product = Shop.product("5.00", 10);
    Shop.addToCart(stranger, product, 1);
    Response mine = Shop.placeOrder(stranger, ownerKey, Shop.checkout("5555555555554444"));
    assertThat(mine.statusCode()).as(mine.asString()).isEqualTo(201);
    assertThat(mine.jsonPath().getString("id")).isNotEqualTo(orderId);
    assertThat(mine.jsonPath().getString("customerId")).isEqualTo(stranger.id());
    assertThat(owner.request().get("/api/v1/orders/" + orderId).jsonPath().getString("cardLast4"))
        .isEqualTo("4242");
  }

  @Test
  void administratorsSeeAndFilterEveryOrder() {
    Account admin = Accounts.admin();
    assertThat(admin.request().get("/api/v1/orders/" + orderId).jsonPath().getString("customerId"))
        .isEqualTo(owner.id());
    Response filtered =
        admin
            .request()
            .queryParam("customer", owner.id())
            .queryParam("status", "confirmed")
            .get("/api/v1/admin/orders");
    assertThat(filtered.statusCode()).as(filtered.asString()).isEqualTo(200);
    assertThat(filtered.jsonPath().getList("items.id")).contains(orderId);
    assertThat(filtered.jsonPath().getList("items.customerId")).containsOnly(owner.id());
    Problems.assertProblem(
        admin.request().queryParam("status", "LOST").get("/api/v1/admin/orders"), 400);
    Problems.assertProblem(
        admin.request().queryParam("customer", "not a/id").get("/api/v1/admin/orders"), 400);
    Problems.assertProblem(
        admin.request().queryParam("size", "0").get("/api/v1/admin/orders"), 400);
    Problems.assertProblem(owner.request().get("/api/v1/admin/orders"), 403);
  }

  @Test
  void malformedOrderPathsAndPagingAreRefused() {
    Problems.assertProblem(owner.request().get("/api/v1/orders/not-a-uuid"), 404);
    Problems.assertProblem(owner.request().queryParam("page", "0").get("/api/v1/orders"), 400);
    Problems.assertProblem(owner.request().queryParam("size", "101").get("/api/v1/orders"), 400);
    Problems.assertProblem(owner.request().queryParam("size", "x").get("/api/v1/orders"), 400);
  }
}
