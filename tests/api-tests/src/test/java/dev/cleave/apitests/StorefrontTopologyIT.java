package dev.cleave.apitests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.Await;
import dev.cleave.apitests.support.Browser;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Shop;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The topology view in a real browser: the shape's servers with their modules, the checkout's
 * module calls drawn local in the monolith and remote in the split, and, in the split, a killed
 * payment-service turning red within five seconds (the view asks every two, the gateway gives a
 * server 1.5 s to answer), the circuit in front of it opening, and both recovering once it is back.
 */
@ApiTest
class StorefrontTopologyIT {

  @RegisterExtension static final Browser browser = new Browser();

  private static void buy() {
    long product = Shop.product("1.00", 50);
    Account shopper = Shop.shopper("topology-view", product);
    String id = Shop.placeOrder(shopper, Shop.APPROVED).jsonPath().getString("id");
    Shop.awaitSettled(shopper, id, Duration.ofSeconds(30));
  }

  private static void openAsAdmin() {
    CleaveSystem.Admin admin = CleaveSystem.admin();
    browser.signIn(admin.email(), admin.password(), "/topology");
  }

  private static String expectedBinding() {
    return CleaveSystem.serverOf("order").equals(CleaveSystem.serverOf("payment"))
        ? "local"
        : "remote";
  }

  @Test
  void showsTheServersTheirModulesAndTheCheckoutsCallsWithTheirBinding() {
    buy();
    openAsAdmin();
    assertThat(browser.find(".shape").getAttribute("data-shape"))
        .isEqualTo(CleaveSystem.topology());
    assertThat(browser.findAll(".deployable [data-module]").stream().map(m -> m.getText()))
        .containsExactlyInAnyOrder("order", "payment", "product", "user");
    assertThat(browser.findAll(".deployable"))
        .allSatisfy(box -> assertThat(box.getAttribute("data-state")).isEqualTo("UP"));
    assertThat(
            browser
                .find("tr.call[data-call='order>payment.authorize']")
                .getAttribute("data-binding"))
        .isEqualTo(expectedBinding());
    assertThat(browser.find("path[data-edge='order>payment']").getAttribute("data-binding"))
        .isEqualTo(expectedBinding());
    // The next answers give rates: a figure per second instead of the first answer's ellipsis.
    buy();
    browser.await(
        d -> browser.text("tr.call[data-call='order>payment.authorize'] .rate").endsWith("/s"));
    assertThat(browser.accessibilityViolations("serious", "critical")).isEmpty();
    browser.screenshot("storefront-topology");
  }

  @Test
  void aKilledPaymentServiceTurnsRedWithinFiveSecondsAndRecovers() {
    Assumptions.assumeTrue(
        CleaveSystem.topology().equals("split"), "kills a service of the split system");
    buy();
    openAsAdmin();
    String payment = ".deployable[data-deployable='payment-service']";
    assertThat(browser.find(payment).getAttribute("data-state")).isEqualTo("UP");
    long product = Shop.product("1.00", 100);
    try {
      CleaveSystem.deployment().orElseThrow().kill("payment-service");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
          .until(d -> browser.findAll(payment + "[data-state='UNREACHABLE']").size() == 1);
      // Checkouts while it is down fail fast (503) and open order-service's circuit to it.
      for (int i = 0; i < 20; i++) {
        assertThat(
                Shop.placeOrder(Shop.shopper("payment-down-view", product), Shop.APPROVED)
                    .statusCode())
            .isEqualTo(503);
      }
      browser.await(
          d ->
              browser
                  .text(
                      ".deployable[data-deployable='order-service']"
                          + " .circuit[data-callee='payment']")
                  .equals("open"));
      assertThat(browser.find("path[data-edge='order>payment']").getAttribute("class"))
          .contains("svg-edge-bad");
      browser.screenshot("storefront-topology-payment-down");
    } finally {
      CleaveSystem.deployment().orElseThrow().restart("payment-service");
    }
    browser.await(d -> browser.findAll(payment + "[data-state='UP']").size() == 1);
    // The circuit lets a trial call through once its delay is over: the next checkout closes it,
    // and the suites after this one find the shop as it was.
    Await.until(
        "a checkout paid again",
        Duration.ofSeconds(30),
        () ->
            Shop.placeOrder(Shop.shopper("payment-back-view", product), Shop.APPROVED).statusCode()
                != 503);
    browser.await(
        d ->
            browser
                .text(
                    ".deployable[data-deployable='order-service'] .circuit[data-callee='payment']")
                .equals("closed"));
  }
}
