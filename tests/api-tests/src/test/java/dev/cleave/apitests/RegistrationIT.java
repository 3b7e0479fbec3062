package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.Concurrently;
import dev.cleave.apitests.support.Problems;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ApiTest
class RegistrationIT {

  @Test
  void registersACustomerWithANormalizedEmailAddress() {
    String email = Accounts.uniqueEmail("Ada");
    Response registered =
        Accounts.register(
            "  " + email.toUpperCase(Locale.ROOT) + " ", Accounts.PASSWORD, "Ada Lovelace");
    assertThat(registered.statusCode()).as(registered.asString()).isEqualTo(201);
    String id = registered.jsonPath().getString("id");
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(registered.header("Location")).endsWith("/api/v1/users/" + id);
    assertThat(registered.jsonPath().getString("email")).isEqualTo(email.toLowerCase(Locale.ROOT));
    assertThat(registered.jsonPath().getList("roles")).containsExactly("customer");
    assertThat(registered.header("Cache-Control")).contains("no-store");
    assertThat(registered.asString())
        .doesNotContain(Accounts.PASSWORD)
        .doesNotContainIgnoringCase("hash");

    Accounts.loggedIn(id, email.toUpperCase(Locale.ROOT), Accounts.PASSWORD);
  }

  @Test
  void refusesAnEmailAddressThatDiffersOnlyInCase() {
    String email = Accounts.uniqueEmail("twice");
    assertThat(Accounts.register(email, Accounts.PASSWORD, "First").statusCode()).isEqualTo(201);
    Problems.assertProblem(
        Accounts.register(email.toUpperCase(Locale.ROOT), Accounts.PASSWORD, "Second"),
        409,
        "email-taken");
  }

  @Test
  void concurrentRegistrationsOfOneAddressMakeExactlyOneAccount() {
    String email = Accounts.uniqueEmail("race");
    List<Response> responses =
        Concurrently.send(
            6,
            i ->
                Accounts.register(
                    i % 2 == 0 ? email : email.toUpperCase(Locale.ROOT),
                    Accounts.PASSWORD,
                    "Racer"));
    for (Response response : responses) {
      if (response.statusCode() != 201) {
        Problems.assertProblem(response, 409, "email-taken");
      }
    }
    assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
  }

  @Test
  void enforcesThePasswordPolicy() {
    String email = Accounts.uniqueEmail("weak");
    Response shortPassword =
        Problems.assertProblem(Accounts.register(email, "elevenchars", "Weak"), 400, "validation");
    assertThat(shortPassword.jsonPath().getList("errors.field")).containsExactly("password");
    assertThat(shortPassword.jsonPath().getString("errors[0].message")).contains("12");
    Response sameAsEmail =
        Problems.assertProblem(
            Accounts.register(email, email.toUpperCase(Locale.ROOT), "Weak"), 400, "validation");
    assertThat(sameAsEmail.jsonPath().getString("errors[0].message")).contains("e-mail");
    Problems.assertProblem(Accounts.register(email, "x".repeat(129), "Weak"), 400, "validation");
    assertThat(Accounts.login(email, "elevenchars").statusCode()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plainaddress",
        "ada@",
        "@example.com",
        "ada@example",
        "a da@example.com",
        "ada@@example.com"
      })
  void refusesWhatIsNotAnEmailAddress(String email) {
    Response response =
        Problems.assertProblem(
            Accounts.register(email, Accounts.PASSWORD, "Ada"), 400, "validation");
    assertThat(response.jsonPath().getList("errors.field")).containsExactly("email");
  }

  @Test
  void listsEveryMissingOrInvalidField() {
    Response response =
        Problems.assertProblem(
            given()
                .contentType(ContentType.JSON)
                .body("{\"name\":\"\\u0007\"}")
                .post("/api/v1/users"),
            400,
            "validation");
    assertThat(response.jsonPath().getList("errors.field")).contains("email", "password", "name");
    Problems.assertProblem(
        given().contentType(ContentType.JSON).body("{\"email\":").post("/api/v1/users"),
        400,
        "malformed-body");
    Problems.assertProblem(
        given().contentType(ContentType.JSON).body("[]").post("/api/v1/users"), 400);
    Problems.assertProblem(
        given().contentType(ContentType.TEXT).body("x").post("/api/v1/users"), 415);
    Problems.assertProblem(given().contentType(ContentType.JSON).post("/api/v1/users"), 400);
  }

  @Test
  void ignoresServerOwnedFieldsInTheBody() {
    String email = Accounts.uniqueEmail("sneaky");
    Response registered =
        given()
            .contentType(ContentType.JSON)
            .body(
                """
                {"email":"%s","password":"%s","name":"Sneaky","id":"00000000-0000-0000-0000-000000000001",
                 "roles":["admin","service"],"groups":["admin"],"createdAt":"2000-01-01T00:00:00Z"}\
                """
                    .formatted(email, Accounts.PASSWORD))
            .post("/api/v1/users");
    assertThat(registered.statusCode()).isEqualTo(201);
    assertThat(registered.jsonPath().getString("id"))
        .isNotEqualTo("00000000-0000-0000-0000-000000000001");
    assertThat(registered.jsonPath().getList("roles")).containsExactly("customer");
    Accounts.Account account =
        Accounts.loggedIn(registered.jsonPath().getString("id"), email, Accounts.PASSWORD);
    Problems.assertProblem(account.request().get("/api/v1/users"), 403);
  }
}
