package dev.cleave.platform.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.platform.topology.Topology.Deployable;
import dev.cleave.platform.topology.Topology.Instance;
import dev.cleave.platform.topology.Topology.State;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyTest {

  private static Deployable hosting(String name, String... modules) {
    return new Deployable(
        name,
        false,
        List.of(modules),
        State.UP,
        List.of(new Instance(null, State.UP, "")),
        Map.of());
  }

  @Test
  void outcomesAddUpIntoOneCallPerOperationWithTheHighestPercentiles() {
    List<Topology.Call> calls =
        Topology.calls(
            List.of(
                new ModuleCallSample(
                    "m", "order", "payment", "local", "authorize", "ok", 5, 0.01, 0.2),
                new ModuleCallSample(
                    "m", "order", "payment", "local", "authorize", "refused", 2, 0.03, 0.05),
                new ModuleCallSample(
                    "m", "order", "payment", "local", "authorize", "unavailable", 1, 2.0, 2.0),
                new ModuleCallSample(
                    "m", "order", "payment", "local", "authorize", "error", 0, 9.0, 9.0),
                new ModuleCallSample(
                    "m", "order", "product", "local", "reserve", "ok", 3, null, null)));
    assertThat(calls)
        .containsExactly(
            new Topology.Call("m", "order", "payment", "local", "authorize", 8, 1, 2, 2.0, 2.0),
            new Topology.Call("m", "order", "product", "local", "reserve", 3, 0, 0, null, null));
  }

  @Test
  void theShapeIsNamedByWhereTheModulesLive() {
    assertThat(
            Topology.shapeOf(List.of(hosting("monolith", "order", "payment", "product", "user"))))
        .isEqualTo("monolith");
    assertThat(
            Topology.shapeOf(
                List.of(
                    hosting("gateway"),
                    hosting("order-service", "order"),
                    hosting("payment-service", "payment"),
                    hosting("product-service", "product"),
                    hosting("user-service", "user"))))
        .isEqualTo("split");
    assertThat(
            Topology.shapeOf(
                List.of(
                    hosting("gateway"),
                    hosting("monolith", "order", "product", "user"),
                    hosting("payment-service", "payment"))))
        .isEqualTo("extract:payment");
  }

  @Test
  void theDocumentHoldsEveryBoxAndEdgeWithNullsForUnknownFigures() {
    Topology topology =
        new Topology(
            "extract:payment",
            Instant.parse("2026-12-07T12:00:00Z"),
            List.of(
                new Deployable(
                    "payment-service",
                    false,
                    List.of("payment"),
                    State.UNREACHABLE,
                    List.of(
                        new Instance(
                            "http://localhost:9083", State.UNREACHABLE, "ConnectException")),
                    Map.of())),
            List.of(
                new Topology.Call(
                    "monolith", "order", "payment", "remote", "authorize", 4, 4, 0, null, 0.5)));
    JsonObject json =
        Json.createReader(new StringReader(topology.toJson().toString())).readObject();
    assertThat(json.getString("shape")).isEqualTo("extract:payment");
    assertThat(json.getString("generatedAt")).isEqualTo("2026-12-07T12:00:00Z");
    JsonObject box = json.getJsonArray("deployables").getJsonObject(0);
    assertThat(box.getString("state")).isEqualTo("UNREACHABLE");
    assertThat(box.getJsonArray("instances").getJsonObject(0).getString("answer"))
        .isEqualTo("ConnectException");
    JsonObject edge = json.getJsonArray("calls").getJsonObject(0);
    assertThat(edge.getString("binding")).isEqualTo("remote");
    assertThat(edge.getInt("failed")).isEqualTo(4);
    assertThat(edge.isNull("p50Seconds")).isTrue();
    assertThat(edge.getJsonNumber("p99Seconds").doubleValue()).isEqualTo(0.5);
  }

  @Test
  void healthNamesTheHostedModulesAndTheCircuits() {
    Health health =
        Health.of(
            Json.createReader(
                    new StringReader(
                        """
                        {"status":"UP","checks":[
                          {"name":"order-database","status":"UP","data":{"schema":"ordering"}},
                          {"name":"downstream","status":"UP","data":{"payment.binding":"remote",
                            "payment.circuit":"open","payment.not-closed":"authorize","modules":"payment"}},
                          {"name":"user-database","status":"DOWN"}]}
                        """))
                .readObject());
    assertThat(health.ready()).isFalse();
    assertThat(health.modules()).containsExactly("order", "user");
    assertThat(health.circuits()).containsExactly(Map.entry("payment", "open"));
  }
}
