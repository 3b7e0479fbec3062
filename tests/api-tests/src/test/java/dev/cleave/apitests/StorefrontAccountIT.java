package dev.cleave.apitests;

import static dev.cleave.apitests.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.Browser;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * Signing in, registering and out in a real browser (ADR 13, decision 5): the session survives a
 * reload through its HttpOnly cookie, no script can read a token (nothing in {@code
 * document.cookie}, {@code localStorage} or {@code sessionStorage}), and the API's problems appear
 * beside the fields.
 */
@ApiTest
class StorefrontAccountIT {

  private static final String COOKIE = BrowserSessionIT.COOKIE;

  @RegisterExtension static final Browser browser = new Browser();

  private static void signIn(String email, String password) {
    browser.find("#sign-in-email").clear();
    browser.find("#sign-in-email").sendKeys(email);
    browser.find("#sign-in-password").sendKeys(password + Keys.ENTER);
  }

  @Test
  void signsInKeepsTheSessionAcrossAReloadAndSignsOut() {
    Account account = Accounts.newCustomer("storefront");
    browser.open("/sign-in");
    signIn(account.email(), "not the password");
    browser.await(d -> !browser.findAll(".problem[role=alert]").isEmpty());
    Response refused =
        given()
            .contentType(ContentType.JSON)
            .header("X-Forwarded-For", Accounts.randomClientAddress())
            .body("{\"email\":\"" + account.email() + "\",\"password\":\"not the password\"}")
            .post("/api/v1/auth/login");
    assertProblem(refused, 401, "invalid-credentials");
    assertThat(browser.find(".problem-title").getText())
        .isEqualTo(refused.jsonPath().getString("title"));
    assertThat(browser.script("return document.activeElement.getAttribute('role')"))
        .isEqualTo("alert");
    assertThat(browser.find("#sign-in-email").getAttribute("value")).isEqualTo(account.email());
    assertThat(browser.accessibilityViolations("serious", "critical")).isEmpty();

    browser.find("#sign-in-password").clear();
    signIn(account.email(), account.password());
    browser.await(d -> browser.path().equals("/account"));
    browser.awaitView();
    assertThat(browser.find("h1").getText()).isEqualTo("Your account");
    assertThat(browser.find(".profile-email").getText()).isEqualTo(account.email());
    assertThat(browser.find(".nav-account").getText()).isEqualTo("Customer storefront");
    browser.screenshot("storefront-account");

    Map<String, Object> session = browser.cookie(COOKIE).orElseThrow();
    assertThat(session)
        .containsEntry("httpOnly", true)
        .containsEntry("secure", true)
        .containsEntry("sameSite", "Strict")
        .containsEntry("path", "/api/v1/auth/browser");
    assertThat(
            browser.script(
                "return document.cookie + '|' + localStorage.length + '|' + sessionStorage.length"))
        .as("nothing a script can read")
        .isEqualTo("|0|0");

    browser.driver().navigate().refresh();
    browser.awaitView();
    browser.await(d -> !browser.findAll(".nav-account").isEmpty());
    assertThat(browser.find(".profile-email").getText()).isEqualTo(account.email());
    assertThat(browser.cookie(COOKIE).orElseThrow().get("value"))
        .as("the reload's refresh rotated the cookie")
        .isNotEqualTo(session.get("value"));

    browser.find(".nav-sign-out").click();
    browser.await(d -> !browser.findAll(".nav-sign-in").isEmpty());
    browser.await(d -> browser.path().equals("/"));
    assertThat(browser.cookie(COOKIE)).as("the cookie, after signing out").isEmpty();
    browser.open("/account");
    browser.await(d -> browser.path().equals("/sign-in?next=/account"));
    assertThat(browser.find("h1").getText()).isEqualTo("Sign in");
  }

  @Test
  void registersWithTheApisRulesShownBesideTheFields() {
    browser.open("/register");
    String email = Accounts.uniqueEmail("shop-register");
    browser.find("#register-name").sendKeys("Grace Hopper");
    browser.find("#register-email").sendKeys(email);
    browser.find("#register-password").sendKeys("short" + Keys.ENTER);
    browser.await(d -> !browser.findAll(".problem[role=alert]").isEmpty());
    Response weak =
        given()
            .contentType(ContentType.JSON)
            .body(
                "{\"name\":\"Grace Hopper\",\"email\":\""
                    + Accounts.uniqueEmail("weak")
                    + "\",\"password\":\"short\"}")
            .post("/api/v1/users");
    assertProblem(weak, 400, "validation");
    assertThat(browser.find("#register-password-error").getText())
        .isEqualTo(weak.jsonPath().getString("errors.find { it.field == 'password' }.message"));
    assertThat(browser.find("#register-password").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.find("#register-name").getAttribute("value")).isEqualTo("Grace Hopper");
    assertThat(browser.accessibilityViolations("serious", "critical")).isEmpty();

    browser.find("#register-password").sendKeys(Accounts.PASSWORD + Keys.ENTER);
    browser.await(d -> browser.path().equals("/account"));
    browser.awaitView();
    assertThat(browser.find(".profile-name").getText()).isEqualTo("Grace Hopper");

    // The same address again: the API's conflict, shown to the person.
    browser.find(".nav-sign-out").click();
    browser.await(d -> !browser.findAll(".nav-sign-in").isEmpty());
    browser.open("/register");
    browser.find("#register-name").sendKeys("Grace Again");
    browser.find("#register-email").sendKeys(email);
    browser.find("#register-password").sendKeys(Accounts.PASSWORD + Keys.ENTER);
    browser.await(d -> !browser.findAll(".problem[role=alert]").isEmpty());
    assertThat(browser.find(".problem").getAttribute("data-problem-type"))
        .isEqualTo("https://cleave.dev/problems/email-taken");
    assertThat(browser.path()).isEqualTo("/register");
  }

  @Test
  void aNextParameterNeverLeadsOffTheShop() {
    Account account = Accounts.newCustomer("storefront-next");
    browser.open("/sign-in?next=//evil.example/steal");
    signIn(account.email(), account.password());
    browser.await(d -> browser.path().equals("/account"));
    browser.find(".nav-sign-out").click();
    browser.await(d -> !browser.findAll(".nav-sign-in").isEmpty());
  }
}
