package dev.cleave.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NGINX gets the gateway's own routing table, so the two fronts route the same paths. */
class NginxProxyTest {

  @Test
  void readsTheGatewaysRoutingTable() throws Exception {
    Map<String, String> routes =
        NginxProxy.gatewayRoutes(Path.of("../..").resolve(NginxProxy.GATEWAY_CONFIG));

    assertThat(routes)
        .containsEntry("/api/v1/products", "product")
        .containsEntry("/api/v1/auth", "user")
        .containsEntry("/api/v1/orders", "order")
        .containsEntry("/api/v1/payments", "payment");
    assertThat(routes.keySet()).noneMatch(prefix -> prefix.startsWith("/internal"));
  }
}
