package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Problems;
import io.restassured.response.Response;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** A customer reads and changes only their own profile: the token's subject decides whose. */
@ApiTest
class ProfileIT {

  private static final String HOME =
      """
      {"recipient":"Ada Lovelace","line1":"12 St James's Square","postalCode":"SW1Y 4JH","city":"London",
       "country":"GB","isDefault":false}\
      """;
  private static final String WORK =
      """
      {"recipient":"Ada Lovelace","line1":"Analytical Engine Works","line2":"Floor 2","postalCode":"10115",
       "city":"Berlin","region":"Berlin","country":"DE","isDefault":true}\
      """;

  private static String update(String name, String... addresses) {
    return "{\"name\":\"" + name + "\",\"addresses\":[" + String.join(",", addresses) + "]}";
  }

  @Test
  void showsTheCallersOwnProfile() {
    Account ada = Accounts.newCustomer("me");
    Response me = ada.request().get("/api/v1/users/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.jsonPath().getString("id")).isEqualTo(ada.id());
    assertThat(me.jsonPath().getString("email")).isEqualTo(ada.email());
    assertThat(me.header("Cache-Control")).contains("no-store");
  }

  @Test
  void replacesNameAndAddressesWithExactlyOneDefault() {
    Account ada = Accounts.newCustomer("addresses");
    Response updated =
        ada.request().body(update("Augusta Ada King", HOME, WORK)).put("/api/v1/users/me");
    assertThat(updated.statusCode()).as(updated.asString()).isEqualTo(200);
    assertThat(updated.jsonPath().getString("name")).isEqualTo("Augusta Ada King");
    assertThat(updated.jsonPath().getList("addresses.isDefault")).containsExactly(false, true);
    assertThat(updated.jsonPath().getString("addresses[1].line2")).isEqualTo("Floor 2");

    Response noDefaultMarked = ada.request().body(update("Ada", HOME)).put("/api/v1/users/me");
    assertThat(noDefaultMarked.jsonPath().getList("addresses.isDefault")).containsExactly(true);
    assertThat(ada.request().get("/api/v1/users/me").jsonPath().getList("addresses.city"))
        .containsExactly("London");

    Problems.assertProblem(
        ada.request().body(update("Ada", WORK, WORK)).put("/api/v1/users/me"),
        422,
        "multiple-default-addresses");
    Problems.assertProblem(
        ada.request().body(update("Ada", HOME.replace("\"GB\"", "\"XX\""))).put("/api/v1/users/me"),
        422,
        "unknown-country");
    assertThat(ada.request().get("/api/v1/users/me").jsonPath().getList("addresses.city"))
        .containsExactly("London");
  }

  @Test
  void refusesInvalidProfilesFieldByField() {
    Account ada = Accounts.newCustomer("invalid-profile");
    String bad =
        HOME.replace("\"London\"", "\"\"")
            .replace("\"GB\"", "\"gb\"")
            .replace("\"SW1Y 4JH\"", "\"<script>\"");
    Response response =
        Problems.assertProblem(
            ada.request().body(update("", bad)).put("/api/v1/users/me"), 400, "validation");
    assertThat(response.jsonPath().getList("errors.field"))
        .contains("name", "addresses[0].city", "addresses[0].country", "addresses[0].postalCode");
    String eleven = update("Ada", Collections.nCopies(11, HOME).toArray(String[]::new));
    Problems.assertProblem(ada.request().body(eleven).put("/api/v1/users/me"), 400, "validation");
    Problems.assertProblem(
        ada.request().body("{\"name\":\"Ada\"}").put("/api/v1/users/me"), 400, "validation");
    Problems.assertProblem(
        ada.request().body("{\"name\":\"Ada\",\"addresses\":[null]}").put("/api/v1/users/me"), 400);
    Problems.assertProblem(ada.request().body("{").put("/api/v1/users/me"), 400, "malformed-body");
  }

  @Test
  void ignoresEmailRolesAndIdInAnUpdate() {
    Account ada = Accounts.newCustomer("escalate");
    Response updated =
        ada.request()
            .body(
                """
                {"name":"Ada","addresses":[],"email":"admin@cleave.test","roles":["admin"],"id":"%s"}\
                """
                    .formatted(Accounts.admin().id()))
            .put("/api/v1/users/me");
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.jsonPath().getString("email")).isEqualTo(ada.email());
    assertThat(updated.jsonPath().getList("roles")).containsExactly("customer");
    assertThat(updated.jsonPath().getString("id")).isEqualTo(ada.id());
    assertThat(Accounts.admin().request().get("/api/v1/users/me").jsonPath().getString("email"))
        .isEqualTo(CleaveSystem.admin().email());
  }

  @Test
  void aCustomerCannotReadOrChangeAnotherCustomersProfile() {
    Account ada = Accounts.newCustomer("owner");
    Account mallory = Accounts.newCustomer("intruder");
    ada.request().body(update("Ada", HOME)).put("/api/v1/users/me").then().statusCode(200);

    Problems.assertProblem(mallory.request().get("/api/v1/users/" + ada.id()), 403);
    Problems.assertProblem(
        mallory.request().body(update("Pwned")).put("/api/v1/users/" + ada.id()), 405);
    Response malloryMe = mallory.request().body(update("Mallory")).put("/api/v1/users/me");
    assertThat(malloryMe.jsonPath().getString("id")).isEqualTo(mallory.id());
    Response adaMe = ada.request().get("/api/v1/users/me");
    assertThat(adaMe.jsonPath().getString("name")).isEqualTo("Ada");
    assertThat(adaMe.jsonPath().getList("addresses")).hasSize(1);
  }

  @Test
  void aTokenForAUserWithoutAnAccountFindsNoProfile() {
    String token = CleaveSystem.tokens().customer("6f1f7f0e-0000-4000-8000-000000000000");
    Problems.assertProblem(
        given().auth().oauth2(token).get("/api/v1/users/me"), 404, "user-not-found");
    Problems.assertProblem(given().get("/api/v1/users/me"), 401);
  }
}
