package dev.cleave.apitests;

import static dev.cleave.apitests.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.ExtractionSuite;
import dev.cleave.apitests.support.Shop;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/topology} from the front door of every shape, in one form: the monolith
 * answers it from its own registry and health checks, the gateway gathers it from every server's
 * metrics and readiness. Each module lives in exactly one deployable, each module call says where
 * it went ({@code local} when caller and callee share a server, {@code remote} otherwise), and its
 * count follows the calls made.
 */
@ApiTest
@ExtractionSuite
class TopologyIT {

  private static JsonPath topology() {
    Response answer = Accounts.admin().request().get("/api/v1/topology");
    assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
    assertThat(answer.header("Cache-Control")).contains("no-store");
    return answer.jsonPath();
  }

  /** The calls of order's {@code authorize} to payment, by the deployable that made them. */
  private static long authorizations(JsonPath topology) {
    List<Map<String, Object>> calls =
        topology.getList(
            "calls.findAll { it.caller == 'order' && it.callee == 'payment'"
                + " && it.operation == 'authorize' }");
    return calls.stream().mapToLong(call -> ((Number) call.get("count")).longValue()).sum();
  }

  private static void buy() {
    long product = Shop.product("1.00", 5);
    Account shopper = Shop.shopper("topology", product);
    String id = Shop.placeOrder(shopper, Shop.APPROVED).jsonPath().getString("id");
    assertThat(
            Shop.awaitSettled(shopper, id, Duration.ofSeconds(30)).jsonPath().getString("status"))
        .isEqualTo("CONFIRMED");
  }

  @Test
  void onlyAnAdministratorSeesIt() {
    Response anonymous = given().get("/api/v1/topology");
    assertProblem(anonymous, 401, "unauthorized");
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
    assertProblem(
        given().auth().oauth2("not.a.token").get("/api/v1/topology"), 401, "unauthorized");
    Account customer = Accounts.newCustomer("topology-customer");
    assertProblem(customer.request().get("/api/v1/topology"), 403, "forbidden");
  }

  @Test
  void everyModuleLivesInOneDeployableAndEachCallSaysWhereItWent() {
    buy();
    JsonPath topology = topology();
    assertThat(topology.getString("shape")).isEqualTo(CleaveSystem.topology());
    assertThat(Instant.parse(topology.getString("generatedAt")))
        .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
    List<Map<String, Object>> deployables = topology.getList("deployables");
    assertThat(deployables).allSatisfy(box -> assertThat(box.get("state")).isEqualTo("UP"));
    assertThat(
            deployables.stream()
                .flatMap(box -> ((List<?>) box.get("modules")).stream())
                .map(String::valueOf))
        .containsExactlyInAnyOrder("order", "payment", "product", "user");
    assertThat(deployables.stream().filter(box -> Boolean.TRUE.equals(box.get("frontDoor"))))
        .as("one front door")
        .hasSize(1);

    String orderHost = topology.getString("deployables.find { it.modules.contains('order') }.name");
    String expected =
        CleaveSystem.serverOf("order").equals(CleaveSystem.serverOf("payment"))
            ? "local"
            : "remote";
    Map<String, Object> authorize =
        topology.getMap(
            "calls.find { it.caller == 'order' && it.callee == 'payment'"
                + " && it.operation == 'authorize' }");
    assertThat(authorize)
        .containsEntry("from", orderHost)
        .containsEntry("binding", expected)
        .containsEntry("failed", 0);
    assertThat(((Number) authorize.get("count")).longValue()).isPositive();
    assertThat(((Number) authorize.get("p99Seconds")).doubleValue())
        .isGreaterThanOrEqualTo(((Number) authorize.get("p50Seconds")).doubleValue())
        .isPositive();
    assertThat(
            topology.getString(
                "deployables.find { it.modules.contains('order') }.circuits.payment"))
        .isEqualTo("closed");
  }

  @Test
  void theCountsFollowTheCallsMade() {
    buy();
    long before = authorizations(topology());
    buy();
    assertThat(authorizations(topology())).isGreaterThanOrEqualTo(before + 1);
  }
}
