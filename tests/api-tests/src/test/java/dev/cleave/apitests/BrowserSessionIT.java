package dev.cleave.apitests;

import static dev.cleave.apitests.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The storefront's sessions (ADR 13, decision 5): the refresh token in an HttpOnly, Secure,
 * SameSite=Strict cookie scoped to {@code /api/v1/auth/browser}, only the access token in the body,
 * rotation and reuse detection as for API clients, and nothing done without the header only the
 * shop's scripts send.
 */
@ApiTest
class BrowserSessionIT {

  static final String HEADER = "X-Cleave-Browser";
  static final String COOKIE = "__Secure-cleave-session";
  private static final Pattern SET_COOKIE =
      Pattern.compile(
          Pattern.quote(COOKIE)
              + "=([A-Za-z0-9_-]*); Path=/api/v1/auth/browser; Max-Age=([0-9]+); Secure; HttpOnly;"
              + " SameSite=Strict");

  static RequestSpecification browser() {
    return given().header(HEADER, "1").header("X-Forwarded-For", Accounts.randomClientAddress());
  }

  static Response login(Account account) {
    return browser()
        .contentType(ContentType.JSON)
        .body("{\"email\":\"" + account.email() + "\",\"password\":\"" + account.password() + "\"}")
        .post("/api/v1/auth/browser/login");
  }

  /** The session cookie a response sets, after checking every attribute of it. */
  static String cookieOf(Response response) {
    String header = response.header("Set-Cookie");
    assertThat(header).as("Set-Cookie").isNotNull();
    Matcher matcher = SET_COOKIE.matcher(header);
    assertThat(matcher.matches()).as(header).isTrue();
    return matcher.group(1);
  }

  private static Response refresh(String cookie) {
    return browser().cookie(COOKIE, cookie).post("/api/v1/auth/browser/refresh");
  }

  @Test
  void loginKeepsTheRefreshTokenInAnHttpOnlyCookieAndGivesOnlyTheAccessToken() {
    Account account = Accounts.newCustomer("browser-login");
    Response login = login(account);
    assertThat(login.statusCode()).as(login.asString()).isEqualTo(200);
    String cookie = cookieOf(login);
    assertThat(cookie).hasSize(43);
    assertThat(Long.parseLong(login.header("Set-Cookie").replaceAll(".*Max-Age=([0-9]+);.*", "$1")))
        .isEqualTo(login.jsonPath().getLong("sessionExpiresIn"))
        .isPositive();
    assertThat(login.header("Cache-Control")).startsWith("no-store");
    assertThat(login.jsonPath().getMap("$"))
        .containsOnlyKeys("accessToken", "tokenType", "expiresIn", "sessionExpiresIn");
    assertThat(login.asString()).doesNotContain(cookie);
    given()
        .auth()
        .oauth2(login.jsonPath().getString("accessToken"))
        .get("/api/v1/users/me")
        .then()
        .statusCode(200);
  }

  @Test
  void refreshRotatesTheCookieAndReusingAnOldOneEndsTheSession() {
    Account account = Accounts.newCustomer("browser-refresh");
    String first = cookieOf(login(account));
    Response rotated = refresh(first);
    assertThat(rotated.statusCode()).as(rotated.asString()).isEqualTo(200);
    String second = cookieOf(rotated);
    assertThat(second).isNotEqualTo(first);
    given()
        .auth()
        .oauth2(rotated.jsonPath().getString("accessToken"))
        .get("/api/v1/users/me")
        .then()
        .statusCode(200);

    assertProblem(refresh(first), 401, "invalid-refresh-token");
    // The reuse ended the session: its newest cookie is refused too.
    assertProblem(refresh(second), 401, "invalid-refresh-token");
  }

  @Test
  void logoutEndsTheSessionAndClearsTheCookie() {
    Account account = Accounts.newCustomer("browser-logout");
    String cookie = cookieOf(login(account));
    Response logout = browser().cookie(COOKIE, cookie).post("/api/v1/auth/browser/logout");
    assertThat(logout.statusCode()).isEqualTo(204);
    assertThat(cookieOf(logout)).isEmpty();
    assertThat(logout.header("Set-Cookie")).contains("Max-Age=0;");
    assertProblem(refresh(cookie), 401, "invalid-refresh-token");
    // Without a cookie (a second click) it is still over, and still 204.
    assertThat(browser().post("/api/v1/auth/browser/logout").statusCode()).isEqualTo(204);
  }

  @Test
  void withoutTheShopsHeaderNothingHappens() {
    Account account = Accounts.newCustomer("browser-csrf");
    String cookie = cookieOf(login(account));
    String credentials =
        "{\"email\":\"" + account.email() + "\",\"password\":\"" + account.password() + "\"}";
    for (String value : new String[] {null, "0", "true", ""}) {
      RequestSpecification request =
          given().header("X-Forwarded-For", Accounts.randomClientAddress());
      if (value != null) {
        request.header(HEADER, value);
      }
      Response login =
          request
              .contentType(ContentType.JSON)
              .body(credentials)
              .post("/api/v1/auth/browser/login");
      assertProblem(login, 403, "browser-header-required");
      assertThat(login.header("Set-Cookie")).isNull();
    }
    assertProblem(
        given().cookie(COOKIE, cookie).post("/api/v1/auth/browser/refresh"),
        403,
        "browser-header-required");
    assertProblem(
        given().cookie(COOKIE, cookie).post("/api/v1/auth/browser/logout"),
        403,
        "browser-header-required");
    // Neither refusal touched the session.
    assertThat(refresh(cookie).statusCode()).isEqualTo(200);
  }

  @Test
  void badInputGetsProblemsAndNeverACookie() {
    Account account = Accounts.newCustomer("browser-bad");
    Response wrong =
        browser()
            .contentType(ContentType.JSON)
            .body("{\"email\":\"" + account.email() + "\",\"password\":\"not the password\"}")
            .post("/api/v1/auth/browser/login");
    assertProblem(wrong, 401, "invalid-credentials");
    assertThat(wrong.header("Set-Cookie")).isNull();
    assertProblem(
        browser()
            .contentType(ContentType.JSON)
            .body("{\"email\":\"\"}")
            .post("/api/v1/auth/browser/login"),
        400,
        "validation");
    assertProblem(
        browser()
            .contentType(ContentType.JSON)
            .body("{\"email\":")
            .post("/api/v1/auth/browser/login"),
        400);
    assertProblem(
        browser().contentType(ContentType.TEXT).body("email").post("/api/v1/auth/browser/login"),
        415);
    assertProblem(browser().post("/api/v1/auth/browser/refresh"), 401, "invalid-refresh-token");
    assertProblem(refresh("not-a-token"), 401, "invalid-refresh-token");
    assertProblem(refresh("x".repeat(500)), 401, "invalid-refresh-token");
    assertProblem(browser().get("/api/v1/auth/browser/refresh"), 405);
  }
}
