package dev.cleave.apitests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.Problems;
import io.restassured.response.Response;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Failed logins lock the account after 5 in a row and the client address after 20, for a time that
 * doubles with each further failure (the doubling itself is unit-tested on the schedule). The
 * suite's server starts locks at 20 s, so no pause of a busy machine lets a lock lapse mid-test.
 */
@ApiTest
class LoginThrottlingIT {

  private static final String WRONG = "not the right password";

  private static void failTimes(String email, int times, String address) {
    for (int i = 0; i < times; i++) {
      Problems.assertProblem(Accounts.login(email, WRONG, address), 401, "invalid-credentials");
    }
  }

  private static void assertThrottled(Response response) {
    Problems.assertProblem(response, 429, "login-throttled");
    assertThat(Integer.parseInt(response.header("Retry-After"))).isBetween(1, 20);
  }

  @Test
  void locksAnAccountAfterFiveFailuresEvenForTheRightPassword() {
    Account ada = Accounts.newCustomer("locked");
    failTimes(ada.email(), 5, Accounts.randomClientAddress());
    assertThrottled(Accounts.login(ada.email(), ada.password(), Accounts.randomClientAddress()));
    assertThrottled(
        Accounts.login(
            ada.email().toUpperCase(Locale.ROOT), WRONG, Accounts.randomClientAddress()));
    // Tokens already issued keep working: the lock is about guessing, not about the session.
    ada.request().get("/api/v1/users/me").then().statusCode(200);
  }

  @Test
  void locksUnknownAddressesExactlyLikeKnownOnes() {
    String ghost = Accounts.uniqueEmail("ghost");
    failTimes(ghost, 5, Accounts.randomClientAddress());
    assertThrottled(Accounts.login(ghost, WRONG, Accounts.randomClientAddress()));
  }

  @Test
  void aSuccessfulLoginForgetsTheAccountsFailures() {
    Account ada = Accounts.newCustomer("forgiven");
    failTimes(ada.email(), 4, Accounts.randomClientAddress());
    assertThat(Accounts.login(ada.email(), ada.password()).statusCode()).isEqualTo(200);
    failTimes(ada.email(), 4, Accounts.randomClientAddress());
    assertThat(Accounts.login(ada.email(), ada.password()).statusCode()).isEqualTo(200);
  }

  @Test
  void locksAClientAddressThatGuessesAcrossManyAccounts() {
    String address = Accounts.randomClientAddress();
    for (int i = 0; i < 20; i++) {
      Problems.assertProblem(
          Accounts.login(Accounts.uniqueEmail("spray"), WRONG, address),
          401,
          "invalid-credentials");
    }
    Account ada = Accounts.newCustomer("behind-a-sprayer");
    assertThrottled(Accounts.login(ada.email(), ada.password(), address));
    assertThat(
            Accounts.login(ada.email(), ada.password(), Accounts.randomClientAddress())
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aClientCannotEscapeItsLockByForgingForwardedFor() {
    String address = Accounts.randomClientAddress();
    for (int i = 0; i < 20; i++) {
      Accounts.login(Accounts.uniqueEmail("forger"), WRONG, address);
    }
    // The proxy appends the real address; whatever the client put in front is not believed.
    Account ada = Accounts.newCustomer("forger-victim");
    assertThrottled(Accounts.login(ada.email(), ada.password(), "203.0.113.77, " + address));
  }
}
