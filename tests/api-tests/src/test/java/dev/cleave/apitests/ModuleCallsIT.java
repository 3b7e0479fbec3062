package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.ExtractionSuite;
import dev.cleave.apitests.support.Shop;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What a server says about the module calls it makes, in every shape: the timer {@code
 * cleave_module_calls_seconds} by caller, callee, binding and outcome, and the {@code downstream}
 * health check with each callee's binding and circuit state. The binding expected is derived from
 * the shape: {@code local} where the caller's server also holds the callee, {@code remote} where it
 * does not.
 */
@ApiTest
@ExtractionSuite
class ModuleCallsIT {

  private static String expectedBinding(String callee) {
    return CleaveSystem.serverOf(callee).equals(CleaveSystem.serverOf("order"))
        ? "local"
        : "remote";
  }

  /** The count of a module call timer series, or 0 if the server has no such series. */
  private static double calls(String metrics, Map<String, String> labels) {
    double total = 0;
    for (String line :
        metrics.lines().filter(l -> l.startsWith("cleave_module_calls_seconds_count{")).toList()) {
      if (labels.entrySet().stream()
          .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
        Matcher value = Pattern.compile("} ([0-9.E+-]+)$").matcher(line);
        assertThat(value.find()).as(line).isTrue();
        total += Double.parseDouble(value.group(1));
      }
    }
    return total;
  }

  private static Map<String, String> call(String callee, String operation) {
    return Map.of(
        "caller",
        "order",
        "callee",
        callee,
        "binding",
        expectedBinding(callee),
        "operation",
        operation,
        "outcome",
        "ok");
  }

  @Test
  void aCheckoutCountsEachModuleCallByCallerCalleeAndBinding() {
    String before = CleaveSystem.metrics("order");
    Account customer = Accounts.newCustomer("calls");
    Shop.addToCart(customer, Shop.product("3.00", 5), 1);
    // Without an address the order module asks the user module for the customer's default (there is
    // none).
    assertThat(
            Shop.placeOrder(
                    customer,
                    UUID.randomUUID().toString(),
                    "{\"card\":" + Shop.card(Shop.APPROVED) + "}")
                .statusCode())
        .isEqualTo(422);
    assertThat(Shop.placeOrder(customer, Shop.APPROVED).statusCode()).isEqualTo(201);

    String after = CleaveSystem.metrics("order");
    for (Map<String, String> call :
        List.of(
            call("product", "reserve"),
            call("product", "commitStock"),
            call("product", "products"),
            call("user", "customer"),
            call("payment", "register"),
            call("payment", "authorize"),
            call("payment", "capture"))) {
      assertThat(calls(after, call) - calls(before, call))
          .as("calls %s", call)
          .isGreaterThanOrEqualTo(1);
    }
    assertThat(after)
        .containsPattern("cleave_module_calls_seconds_sum\\{[^}]*callee=\"payment\"")
        .containsPattern(
            "cleave_module_calls_seconds\\{[^}]*operation=\"authorize\"[^}]*quantile=\"0.99\"");
    // The wrong binding never appears: a deployable packages one binding per module.
    String other = expectedBinding("payment").equals("local") ? "remote" : "local";
    assertThat(calls(after, Map.of("callee", "payment", "binding", other))).isZero();
  }

  @Test
  void theOrderServersHealthShowsEachCalleesBindingAndCircuit() {
    JsonPath health =
        given()
            .baseUri(CleaveSystem.serverOf("order"))
            .get("/health/ready")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> data = health.getMap("checks.find { it.name == 'downstream' }.data");
    assertThat(data).containsEntry("modules", "payment,product,user");
    for (String callee : new String[] {"payment", "product", "user"}) {
      assertThat(data)
          .containsEntry(callee + ".binding", expectedBinding(callee))
          .containsEntry(callee + ".circuit", "closed");
    }
    assertThat(health.getString("checks.find { it.name == 'downstream' }.status")).isEqualTo("UP");
  }

  @Test
  void aServerThatCallsNoModuleSaysSo() {
    String payment = CleaveSystem.serverOf("payment");
    Assumptions.assumeFalse(
        payment.equals(CleaveSystem.serverOf("order")),
        "in this shape the payment module shares the order module's server");
    Map<String, Object> data =
        given()
            .baseUri(payment)
            .get("/health/ready")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("checks.find { it.name == 'downstream' }.data");
    assertThat(data).containsEntry("modules", "none");
  }
}
