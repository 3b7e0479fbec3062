package dev.cleave.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyTest {

  private static int port(String server) {
    return server.equals("front") ? 9080 : Topology.DEFAULT_PORTS.get(server);
  }

  @Test
  void theMonolithIsOneServerWithEveryModuleOnTheFrontPort() {
    Topology monolith = Topology.of("monolith", "cleave", TopologyTest::port);
    assertThat(monolith.nodes()).hasSize(1);
    assertThat(monolith.front().server()).isEqualTo("monolith");
    assertThat(monolith.front().port()).isEqualTo(9080);
    assertThat(monolith.front().modules())
        .containsExactlyInAnyOrder("user", "product", "payment", "order");
    assertThat(monolith.front().callsServices()).isFalse();
    assertThat(monolith.databases()).containsExactly("cleave");
  }

  @Test
  void theSplitSystemHasAServiceAndADatabasePerModuleBehindTheGateway() {
    Topology split = Topology.of("split", "cleave", TopologyTest::port);
    assertThat(split.nodes())
        .extracting(Topology.Node::server)
        .containsExactly(
            "user-service", "product-service", "payment-service", "order-service", "gateway");
    assertThat(split.front().server()).isEqualTo("gateway");
    assertThat(split.front().port()).isEqualTo(9080);
    assertThat(split.holderOf("payment").port()).isEqualTo(9084);
    assertThat(split.databases())
        .containsExactly("cleave_user", "cleave_product", "cleave_payment", "cleave_order");
    Topology.Node order = split.holderOf("order");
    assertThat(order.remote())
        .isEqualTo(
            Map.of(
                "user",
                "user-service",
                "product",
                "product-service",
                "payment",
                "payment-service"));
    assertThat(order.callsServices()).isTrue();
    assertThat(split.holderOf("product").callsServices()).isFalse();
    assertThat(split.front().callsServices())
        .as("the gateway forwards, it does not call module APIs")
        .isFalse();
    assertThat(split.front().remote()).containsEntry("product", "product-service");
  }

  @Test
  void extractingOneModuleLeavesTheRestInTheMonolithBehindTheGateway() {
    Topology payment = Topology.of("extract:payment", "cleave", TopologyTest::port);
    assertThat(payment.nodes())
        .extracting(Topology.Node::server)
        .containsExactly("monolith-extract-payment", "payment-service", "gateway");
    Topology.Node monolith = payment.node("monolith-extract-payment").orElseThrow();
    assertThat(monolith.port()).isEqualTo(9085);
    assertThat(monolith.modules()).containsExactlyInAnyOrder("user", "product", "order");
    assertThat(monolith.remote()).isEqualTo(Map.of("payment", "payment-service"));
    assertThat(payment.databases()).containsExactly("cleave", "cleave_payment");
    assertThat(payment.front().remote())
        .containsEntry("payment", "payment-service")
        .containsEntry("product", "monolith-extract-payment");

    Topology product = Topology.of("extract:product", "cleave", TopologyTest::port);
    assertThat(product.node("monolith-extract-product").orElseThrow().remote())
        .isEqualTo(Map.of("product", "product-service"));
    assertThat(product.front().remote())
        .containsEntry("product", "product-service")
        .containsEntry("order", "monolith-extract-product");
  }

  /**
   * In a cluster a server is reached by its Service's name; the shape wires by whatever address.
   */
  private static URI inCluster(String server) {
    return URI.create("http://" + server + ":9080");
  }

  @Test
  void theShapeWiresEachServerToTheServersItCalls() {
    Topology payment = Topology.of("extract:payment", "cleave", TopologyTest::port);
    assertThat(payment.wiring(payment.front(), TopologyTest::inCluster, "10.0.0.0/8"))
        .isEqualTo(
            Map.of(
                "CLEAVE_GATEWAY_UPSTREAM_USER", "http://monolith-extract-payment:9080",
                "CLEAVE_GATEWAY_UPSTREAM_PRODUCT", "http://monolith-extract-payment:9080",
                "CLEAVE_GATEWAY_UPSTREAM_ORDER", "http://monolith-extract-payment:9080",
                "CLEAVE_GATEWAY_UPSTREAM_PAYMENT", "http://payment-service:9080"));
    assertThat(
            payment.wiring(
                payment.node("monolith-extract-payment").orElseThrow(),
                TopologyTest::inCluster,
                "10.0.0.0/8"))
        .isEqualTo(
            Map.of(
                "CLEAVE_HTTP_TRUSTED_PROXIES", "10.0.0.0/8",
                "CLEAVE_SERVICE_NAME", "monolith-extract-payment",
                "CLEAVE_PAYMENT_URL", "http://payment-service:9080"));
    assertThat(payment.wiring(payment.holderOf("payment"), TopologyTest::inCluster, "10.0.0.0/8"))
        .as("a service that calls no module is wired only to trust the gateway")
        .isEqualTo(Map.of("CLEAVE_HTTP_TRUSTED_PROXIES", "10.0.0.0/8"));

    Topology split = Topology.of("split", "cleave", TopologyTest::port);
    assertThat(
            split.wiring(
                split.holderOf("order"),
                server -> URI.create("http://localhost:" + split.node(server).orElseThrow().port()),
                "127.0.0.1"))
        .containsEntry("CLEAVE_USER_URL", "http://localhost:9081")
        .containsEntry("CLEAVE_PRODUCT_URL", "http://localhost:9082")
        .containsEntry("CLEAVE_PAYMENT_URL", "http://localhost:9084")
        .containsEntry("CLEAVE_SERVICE_NAME", "order-service")
        .hasSize(5);

    Topology monolith = Topology.of("monolith", "cleave", TopologyTest::port);
    assertThat(monolith.wiring(monolith.front(), TopologyTest::inCluster, "10.0.0.0/8"))
        .as("the lone monolith is wired to nothing: every call is in-process")
        .isEmpty();
  }

  @Test
  void refusesAnUnknownShape() {
    assertThatThrownBy(() -> Topology.of("extract:shipping", "cleave", TopologyTest::port))
        .hasMessageContaining("unknown topology");
    assertThatThrownBy(() -> Topology.of("extract:user", "cleave", TopologyTest::port))
        .as("no monolith deployable without the user core yet")
        .hasMessageContaining("extract:payment|product");
  }
}
