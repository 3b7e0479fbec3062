package dev.cleave.apitests.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Real accounts made through the public API: registered, then logged in. Every login names a random
 * client address from the IPv6 documentation range (the suite's server trusts loopback as a proxy),
 * so the per-address throttle of one test never touches another.
 */
public final class Accounts {

  public static final String PASSWORD = "correct horse battery staple";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static volatile Account admin;
  private static volatile Instant adminLoggedInAt;

  /**
   * How long the administrator's login is used before logging in again: well inside the access
   * token's 15 minutes, which a whole suite (the split one runs for longer) outlasts.
   */
  private static final Duration ADMIN_LOGIN_REUSE = Duration.ofMinutes(10);

  private Accounts() {}

  /** A logged-in account: its id (the tokens' subject), credentials and current tokens. */
  public record Account(
      String id, String email, String password, String accessToken, String refreshToken) {
    public RequestSpecification request() {
      return given().auth().oauth2(accessToken).contentType(ContentType.JSON);
    }
  }

  public static String uniqueEmail(String tag) {
    return tag + "-" + UUID.randomUUID().toString().substring(0, 12) + "@cleave.test";
  }

  /** An address from 2001:db8::/32, different each call. */
  public static String randomClientAddress() {
    return "2001:db8::"
        + Integer.toHexString(RANDOM.nextInt(0xffff))
        + ":"
        + Integer.toHexString(RANDOM.nextInt(0xffff));
  }

  public static Response register(String email, String password, String name) {
    return given()
        .contentType(ContentType.JSON)
        .body(
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + password
                + "\",\"name\":\""
                + name
                + "\"}")
        .post("/api/v1/users");
  }

  public static Response login(String email, String password) {
    return login(email, password, randomClientAddress());
  }

  public static Response login(String email, String password, String clientAddress) {
    return given()
        .contentType(ContentType.JSON)
        .header("X-Forwarded-For", clientAddress)
        .body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
        .post("/api/v1/auth/login");
  }

  public static Response refresh(String refreshToken) {
    return given()
        .contentType(ContentType.JSON)
        .body("{\"refreshToken\":\"" + refreshToken + "\"}")
        .post("/api/v1/auth/refresh");
  }

  /** Registers a new customer and logs in. */
  public static Account newCustomer(String tag) {
    String email = uniqueEmail(tag);
    Response registered = register(email, PASSWORD, "Customer " + tag);
    assertThat(registered.statusCode()).as(registered.asString()).isEqualTo(201);
    return loggedIn(registered.jsonPath().getString("id"), email, PASSWORD);
  }

  /**
   * The first administrator (made at start-up from CLEAVE_ADMIN_*), logged in again every 10
   * minutes.
   */
  public static synchronized Account admin() {
    if (admin == null || Instant.now().isAfter(adminLoggedInAt.plus(ADMIN_LOGIN_REUSE))) {
      CleaveSystem.Admin configured = CleaveSystem.admin();
      Account account = loggedIn(null, configured.email(), configured.password());
      Response me = account.request().get("/api/v1/users/me");
      assertThat(me.statusCode()).isEqualTo(200);
      admin =
          new Account(
              me.jsonPath().getString("id"),
              account.email(),
              account.password(),
              account.accessToken(),
              account.refreshToken());
      adminLoggedInAt = Instant.now();
    }
    return admin;
  }

  /** Logs in an existing account. */
  public static Account loggedIn(String id, String email, String password) {
    Response login = login(email, password);
    assertThat(login.statusCode()).as(login.asString()).isEqualTo(200);
    return new Account(
        id,
        email,
        password,
        login.jsonPath().getString("accessToken"),
        login.jsonPath().getString("refreshToken"));
  }
}
