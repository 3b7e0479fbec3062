package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Concurrently;
import dev.cleave.apitests.support.ExtractionSuite;
import dev.cleave.apitests.support.Ledgers;
import dev.cleave.apitests.support.Shop;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The checkout issue's oversell test: 100 customers check out one unit each, all at once, against
 * 10 units. Customers are token subjects minted with the test key (registering 100 accounts would
 * spend a minute hashing passwords) and ship to an address in the request.
 */
@ApiTest
@ExtractionSuite
class OversellIT {

  @Test
  void aHundredConcurrentCheckoutsAgainstTenUnitsConfirmExactlyTen() {
    long scarce = Shop.product("10.00", 10);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String token = CleaveSystem.tokens().customer(UUID.randomUUID().toString());
      tokens.add(token);
      given()
          .auth()
          .oauth2(token)
          .contentType(ContentType.JSON)
          .body("{\"productId\":" + scarce + ",\"quantity\":1}")
          .post("/api/v1/cart/items")
          .then()
          .statusCode(200);
    }

    List<Response> responses =
        Concurrently.send(
            100,
            i ->
                given()
                    .auth()
                    .oauth2(tokens.get(i))
                    .contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Shop.checkout(Shop.APPROVED))
                    .post("/api/v1/orders"));

    // 201: checkout finished in the request. 202: a step outlasted its timeout under this burst on
    // two
    // cores (the payment, typically); recovery finishes those, so wait for every order to settle.
    assertThat(responses)
        .allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isIn(201, 202));
    List<Response> settled = new ArrayList<>();
    for (int i = 0; i < responses.size(); i++) {
      Response response = responses.get(i);
      settled.add(
          response.statusCode() == 201
              ? response
              : Shop.awaitSettled(
                  tokens.get(i), response.jsonPath().getString("id"), Duration.ofSeconds(60)));
    }
    Map<String, Long> outcomes =
        settled.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.jsonPath().getString("status"), Collectors.counting()));
    assertThat(outcomes)
        .containsExactlyInAnyOrderEntriesOf(Map.of("CONFIRMED", 10L, "REJECTED", 90L));

    Ledgers ledgers = Ledgers.open();
    assertThat(ledgers.stock(scarce)).as("on hand, reserved").containsExactly(0, 0);
    assertThat(Shop.available(scarce)).isZero();
    Map<String, String> statements =
        settled.stream()
            .filter(r -> r.jsonPath().getString("status").equals("CONFIRMED"))
            .map(r -> r.jsonPath().getString("id"))
            .collect(Collectors.toMap(Function.identity(), ledgers::statement));
    assertThat(statements.values()).containsOnly("APPROVED captured");
    settled.stream()
        .filter(r -> r.jsonPath().getString("status").equals("REJECTED"))
        .forEach(
            r ->
                assertThat(ledgers.payment(r.jsonPath().getString("id")))
                    .as("no payment for a rejected order")
                    .isNull());
  }
}
