package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteStepTest {

  private final RouteStep step = new RouteStep(EdgeFixtures.ROUTES);

  private static EdgeExchange unroutedExchange(String path, FakeHttp.Response response) {
    return new EdgeExchange(
        new FakeHttp.Request("GET", path).servlet(),
        response.servlet(),
        Set.of(),
        EdgeFixtures.AUTHENTICATION);
  }

  @Test
  void aRoutedPathGoesOnWithItsRoute() throws Exception {
    FakeHttp.Response response = new FakeHttp.Response();
    EdgeExchange exchange = unroutedExchange("/api/v1/orders/42", response);
    assertThat(exchange.routeName()).isEqualTo("rejected");
    assertThat(step.admit(exchange)).isTrue();
    assertThat(exchange.route().upstream()).isEqualTo("order");
    assertThat(exchange.routeName()).isEqualTo("/api/v1/orders");
  }

  @Test
  void aPathNoRouteCoversIs404AndCountedAsUnrouted() throws Exception {
    FakeHttp.Response response = new FakeHttp.Response();
    EdgeExchange exchange = unroutedExchange("/api/v1/nothing", response);
    assertThat(step.admit(exchange)).isFalse();
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).contains("\"instance\":\"/api/v1/nothing\"");
    assertThat(exchange.routeName()).isEqualTo("unrouted");
  }
}
