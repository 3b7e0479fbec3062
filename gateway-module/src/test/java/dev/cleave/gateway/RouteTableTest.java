package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {

  private static final Map<String, List<URI>> UPSTREAMS =
      Map.of(
          "user", List.of(URI.create("http://localhost:9081")),
          "product",
              List.of(URI.create("http://localhost:9082"), URI.create("http://localhost:9182")),
          "order", List.of(URI.create("http://localhost:9083")),
          "monolith", List.of(URI.create("http://localhost:9085")));

  private final RouteTable split =
      RouteTable.parse(
          "/api/v1/users=user,"
              + " /api/v1/products=product,/api/v1/orders=order,/api/v1/admin/orders=order",
          UPSTREAMS,
          Optional.empty());

  private String upstreamOf(RouteTable table, String path) {
    return table.match(path).map(RouteTable.Route::upstream).orElse("none");
  }

  @Test
  void routesByTheLongestPrefixOnSegmentBoundaries() {
    assertThat(upstreamOf(split, "/api/v1/products")).isEqualTo("product");
    assertThat(upstreamOf(split, "/api/v1/products/12")).isEqualTo("product");
    assertThat(upstreamOf(split, "/api/v1/productsX"))
        .as("not a segment boundary")
        .isEqualTo("none");
    assertThat(upstreamOf(split, "/api/v1/admin/orders/x")).isEqualTo("order");
    assertThat(upstreamOf(split, "/api/v1/admin")).isEqualTo("none");
    assertThat(upstreamOf(split, "/")).isEqualTo("none");
    assertThat(split.match("/api/v1/users/me").orElseThrow().instances())
        .containsExactly(URI.create("http://localhost:9081"));
    assertThat(split.match("/api/v1/products/1").orElseThrow().instances()).hasSize(2);
  }

  @Test
  void aVersionIsPartOfThePrefixSoItCanGoToAnUpstreamOfItsOwn() {
    RouteTable versioned =
        RouteTable.parse(
            "/api/v1/products=product,/api/v2/products=product-v2",
            Map.of(
                "product",
                List.of(URI.create("http://localhost:9082")),
                "product-v2",
                List.of(URI.create("http://localhost:9182"))),
            Optional.empty());
    assertThat(upstreamOf(versioned, "/api/v1/products/7")).isEqualTo("product");
    assertThat(upstreamOf(versioned, "/api/v2/products/7")).isEqualTo("product-v2");
    assertThat(upstreamOf(versioned, "/api/v3/products/7"))
        .as("an unknown version")
        .isEqualTo("none");
    assertThat(upstreamOf(split, "/api/v2/products"))
        .as("no v2 in the shipped table")
        .isEqualTo("none");
  }

  @Test
  void neverRoutesInternalPathsNotEvenToTheFallback() {
    RouteTable withFallback =
        RouteTable.parse("/api/v1/products=product", UPSTREAMS, Optional.of("monolith"));
    assertThat(upstreamOf(withFallback, "/api/v1/cart")).isEqualTo("monolith");
    assertThat(upstreamOf(withFallback, "/internal/v1/payment/payments/x")).isEqualTo("none");
    assertThat(upstreamOf(withFallback, "/INTERNAL/v1/payment")).isEqualTo("none");
    assertThat(upstreamOf(withFallback, "/internal")).isEqualTo("none");
    assertThatThrownBy(() -> RouteTable.parse("/internal/v1=product", UPSTREAMS, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never routed");
  }

  @Test
  void refusesATableItCannotServe() {
    assertThatThrownBy(() -> RouteTable.parse("/api/v1/x=nowhere", UPSTREAMS, Optional.empty()))
        .hasMessageContaining("cleave.gateway.upstream.nowhere");
    assertThatThrownBy(() -> RouteTable.parse("api/v1/x=user", UPSTREAMS, Optional.empty()))
        .hasMessageContaining("not a route");
    assertThatThrownBy(() -> RouteTable.parse("", UPSTREAMS, Optional.empty()))
        .hasMessageContaining("route nothing");
    assertThatThrownBy(
            () ->
                RouteTable.parse(
                    "/x=file",
                    Map.of("file", List.of(URI.create("file:///etc"))),
                    Optional.empty()))
        .hasMessageContaining("not an http(s) URL");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/products/../../internal/v1/x",
        "/api/v1/products/%2e%2e/x",
        "/api/v1/products/%2E%2e",
        "/api/v1/products%2F..%2Finternal",
        "/api/v1/products%2finternal",
        "/api/v1/products/%252e%252e/x",
        "/api/v1/products\\..\\internal",
        "/api/v1/products/.",
        "/api/v1/products;jsessionid=1",
        "/api/v1/products/%00",
        "/api/v1/products/a b",
        "relative"
      })
  void refusesPathsThatCouldEscapeTheirRoute(String path) {
    assertThat(RouteTable.violation(path)).as(path).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/products",
        "/api/v1/products/12",
        "/api/v1/products/caf%C3%A9",
        "/api/v1/cart/items/7"
      })
  void acceptsOrdinaryPaths(String path) {
    assertThat(RouteTable.violation(path)).as(path).isEmpty();
  }
}
