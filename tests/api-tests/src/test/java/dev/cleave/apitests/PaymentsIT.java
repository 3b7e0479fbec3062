package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.Problems;
import dev.cleave.apitests.support.Shop;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A customer's view of the payment for an order: their own only, never the card number. */
@ApiTest
class PaymentsIT {

  private static String paidOrder(Account customer) {
    Shop.addToCart(customer, Shop.product("6.00", 3), 1);
    return Shop.placeOrder(customer, Shop.APPROVED)
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getString("id");
  }

  @Test
  void aCustomerSeesThePaymentOfTheirOrder() {
    Account customer = Accounts.newCustomer("payment-view");
    String order = paidOrder(customer);
    Response payment = customer.request().get("/api/v1/payments/" + order);
    assertThat(payment.statusCode()).as(payment.asString()).isEqualTo(200);
    assertThat(payment.jsonPath().getString("paymentKey")).isEqualTo(order);
    assertThat(payment.jsonPath().getString("status")).isEqualTo("CAPTURED");
    assertThat(payment.jsonPath().getDouble("amount.amount")).isEqualTo(6.0);
    assertThat(payment.jsonPath().getString("cardLast4")).isEqualTo("4242");
    assertThat(payment.asString()).doesNotContain("4242424242424242");
    assertThat(payment.header("Cache-Control")).contains("no-store");
  }

  @Test
  void anotherCustomersPaymentIsNotFoundLikeOneThatDoesNotExist() {
    String order = paidOrder(Accounts.newCustomer("payment-owner"));
    Account stranger = Accounts.newCustomer("payment-stranger");
    Problems.assertProblem(stranger.request().get("/api/v1/payments/" + order), 404);
    Problems.assertProblem(stranger.request().get("/api/v1/payments/" + UUID.randomUUID()), 404);
    Problems.assertProblem(given().get("/api/v1/payments/" + order), 401);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "has%20space",
        "under_score",
        "dot.ted",
        "12345678901234567890123456789012345678901234567890123456789012345"
      })
  void aMalformedKeyIsNotFound(String key) {
    Account customer = Accounts.newCustomer("payment-bad-key");
    Problems.assertProblem(
        customer.request().urlEncodingEnabled(false).get("/api/v1/payments/" + key), 404);
  }
}
