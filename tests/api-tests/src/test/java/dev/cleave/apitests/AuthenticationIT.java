package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Concurrently;
import dev.cleave.apitests.support.Problems;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Login, refresh-token rotation with reuse detection, logout, and what a login reveals. */
@ApiTest
class AuthenticationIT {

  private static JsonPath decode(String part) {
    return JsonPath.from(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
  }

  @Test
  void issuesAShortLivedRs256AccessTokenAndARefreshToken() {
    String email = Accounts.uniqueEmail("login");
    String id = Accounts.register(email, Accounts.PASSWORD, "Login").jsonPath().getString("id");
    Response login = Accounts.login(email.toUpperCase(Locale.ROOT), Accounts.PASSWORD);
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.header("Cache-Control")).contains("no-store");
    assertThat(login.jsonPath().getString("tokenType")).isEqualTo("Bearer");
    assertThat(login.jsonPath().getLong("expiresIn")).isEqualTo(900);
    assertThat(login.jsonPath().getString("refreshToken")).matches("[A-Za-z0-9_-]{43}");

    String[] jwt = login.jsonPath().getString("accessToken").split("\\.");
    JsonPath header = decode(jwt[0]);
    assertThat(header.getString("alg")).isEqualTo("RS256");
    assertThat(header.getString("kid")).isEqualTo(CleaveSystem.tokens().keyId());
    JsonPath claims = decode(jwt[1]);
    assertThat(claims.getString("iss")).isEqualTo("https://cleave.dev/user");
    assertThat(claims.getString("aud")).isEqualTo("cleave");
    assertThat(claims.getString("sub")).isEqualTo(id);
    assertThat(claims.getList("groups")).containsExactly("customer");
    assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(900);
    assertThat(new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8))
        .doesNotContain(email);
  }

  @Test
  void publishesTheVerificationKeyAsAJwkSet() {
    Response jwks = given().get("/.well-known/jwks.json");
    assertThat(jwks.statusCode()).isEqualTo(200);
    assertThat(jwks.jsonPath().getList("keys")).hasSize(1);
    assertThat(jwks.jsonPath().getString("keys[0].kty")).isEqualTo("RSA");
    assertThat(jwks.jsonPath().getString("keys[0].alg")).isEqualTo("RS256");
    assertThat(jwks.jsonPath().getString("keys[0].e")).isEqualTo("AQAB");
    assertThat(jwks.jsonPath().getMap("keys[0]"))
        .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
    BigInteger modulus =
        new BigInteger(1, Base64.getUrlDecoder().decode(jwks.jsonPath().getString("keys[0].n")));
    assertThat(modulus)
        .isEqualTo(((RSAPrivateCrtKey) CleaveSystem.tokens().signingKey()).getModulus());
  }

  @Test
  void aRefreshRotatesTheTokenAndAReusedTokenEndsTheSession() {
    Account ada = Accounts.newCustomer("rotate");
    Response first = Accounts.refresh(ada.refreshToken());
    assertThat(first.statusCode()).isEqualTo(200);
    String next = first.jsonPath().getString("refreshToken");
    assertThat(next).isNotEqualTo(ada.refreshToken());
    given()
        .auth()
        .oauth2(first.jsonPath().getString("accessToken"))
        .get("/api/v1/users/me")
        .then()
        .statusCode(200);

    Problems.assertProblem(Accounts.refresh(ada.refreshToken()), 401, "invalid-refresh-token");
    // The reuse revoked the family: the legitimate successor is dead too.
    Problems.assertProblem(Accounts.refresh(next), 401, "invalid-refresh-token");
    // Another login is another session, untouched.
    assertThat(
            Accounts.refresh(
                    Accounts.loggedIn(ada.id(), ada.email(), ada.password()).refreshToken())
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void concurrentRefreshesWithOneTokenSucceedAtMostOnce() {
    Account ada = Accounts.newCustomer("refresh-race");
    List<Integer> statuses =
        Concurrently.send(6, i -> Accounts.refresh(ada.refreshToken())).stream()
            .map(Response::statusCode)
            .toList();
    assertThat(statuses).filteredOn(s -> s == 200).hasSizeLessThanOrEqualTo(1);
    assertThat(statuses).filteredOn(s -> s != 200).containsOnly(401);
  }

  @Test
  void logoutEndsTheSessionAndAnswersTheSameForUnknownTokens() {
    Account ada = Accounts.newCustomer("logout");
    String body = "{\"refreshToken\":\"" + ada.refreshToken() + "\"}";
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);
    Problems.assertProblem(Accounts.refresh(ada.refreshToken()), 401, "invalid-refresh-token");
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);
    given()
        .contentType(ContentType.JSON)
        .body("{\"refreshToken\":\"never-issued\"}")
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);
  }

  @Test
  void anUnknownAddressAndAWrongPasswordGetTheSameAnswer() {
    Account ada = Accounts.newCustomer("enumeration");
    String address = Accounts.randomClientAddress();
    Response wrongPassword = Accounts.login(ada.email(), "not the right password", address);
    Response unknownEmail =
        Accounts.login(Accounts.uniqueEmail("nobody"), "not the right password", address);
    Response malformedEmail = Accounts.login("not-an-email", "not the right password", address);
    for (Response response : List.of(wrongPassword, unknownEmail, malformedEmail)) {
      Problems.assertProblem(response, 401, "invalid-credentials");
      assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }
    Map<String, Object> a = wrongPassword.jsonPath().getMap("");
    Map<String, Object> b = unknownEmail.jsonPath().getMap("");
    a.remove("requestId");
    b.remove("requestId");
    assertThat(a).isEqualTo(b);
  }

  /**
   * Not a benchmark: a guard that unknown addresses also pay for a password hash. Without the decoy
   * hash an unknown address would skip the PBKDF2 work that dominates a login, and fall far below
   * the generous bound here.
   */
  @Test
  void anUnknownAddressTakesAboutAsLongAsAWrongPassword() {
    Account ada = Accounts.newCustomer("timing");
    String address = Accounts.randomClientAddress();
    Accounts.login(Accounts.uniqueEmail("warm-up"), "not the right password", address);
    List<Long> wrongPassword = new ArrayList<>();
    List<Long> unknownEmail = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      wrongPassword.add(Accounts.login(ada.email(), "not the right password " + i, address).time());
      unknownEmail.add(
          Accounts.login(Accounts.uniqueEmail("ghost"), "not the right password", address).time());
    }
    long wrongMedian = wrongPassword.stream().sorted().toList().get(1);
    long unknownMedian = unknownEmail.stream().sorted().toList().get(1);
    assertThat(unknownMedian)
        .as("unknown %s vs wrong %s ms", unknownEmail, wrongPassword)
        .isGreaterThanOrEqualTo(wrongMedian / 3);
  }

  @Test
  void refusesMalformedAuthenticationRequests() {
    for (String path :
        List.of("/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout")) {
      Problems.assertProblem(
          given().contentType(ContentType.JSON).body("{").post(path), 400, "malformed-body");
      Problems.assertProblem(
          given().contentType(ContentType.JSON).body("{}").post(path), 400, "validation");
      Problems.assertProblem(given().contentType(ContentType.JSON).post(path), 400);
      Problems.assertProblem(given().contentType(ContentType.TEXT).body("x").post(path), 415);
      Problems.assertProblem(given().get(path), 405);
    }
    Problems.assertProblem(
        given()
            .contentType(ContentType.JSON)
            .body("{\"email\":\"a@b.c\",\"password\":\"" + "x".repeat(1025) + "\"}")
            .post("/api/v1/auth/login"),
        400);
    Problems.assertProblem(
        given()
            .contentType(ContentType.JSON)
            .body("{\"refreshToken\":\"" + "x".repeat(201) + "\"}")
            .post("/api/v1/auth/refresh"),
        400);
  }
}
