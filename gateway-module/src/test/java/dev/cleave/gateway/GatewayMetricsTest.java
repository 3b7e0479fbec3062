package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayMetricsTest {

  @Test
  void countsRequestsByRouteAndStatusWithACumulativeLatencyHistogram() {
    GatewayMetrics metrics = new GatewayMetrics();
    metrics.request("/api/v1/products", 200, 2_000_000);
    metrics.request("/api/v1/products", 200, 30_000_000);
    metrics.request("/api/v1/products", 404, 20_000_000_000L);
    metrics.request("unrouted", 404, 100_000);
    String text = metrics.scrape();
    assertThat(text)
        .contains("# TYPE gateway_requests_total counter\n")
        .contains("gateway_requests_total{route=\"/api/v1/products\",status=\"200\"} 2\n")
        .contains("gateway_requests_total{route=\"/api/v1/products\",status=\"404\"} 1\n")
        .contains("gateway_requests_total{route=\"unrouted\",status=\"404\"} 1\n")
        .contains("# TYPE gateway_request_duration_seconds histogram\n")
        .contains(
            "gateway_request_duration_seconds_bucket{route=\"/api/v1/products\",le=\"0.001\"} 0\n")
        .contains(
            "gateway_request_duration_seconds_bucket{route=\"/api/v1/products\",le=\"0.0025\"} 1\n")
        .contains(
            "gateway_request_duration_seconds_bucket{route=\"/api/v1/products\",le=\"0.05\"} 2\n")
        .contains(
            "gateway_request_duration_seconds_bucket{route=\"/api/v1/products\",le=\"10.0\"} 2\n")
        .contains(
            "gateway_request_duration_seconds_bucket{route=\"/api/v1/products\",le=\"+Inf\"} 3\n")
        .contains("gateway_request_duration_seconds_count{route=\"/api/v1/products\"} 3\n")
        .contains("gateway_request_duration_seconds_sum{route=\"/api/v1/products\"} 20.032\n");
  }

  @Test
  void countsEdgeRefusalsAndUpstreamErrors() {
    GatewayMetrics metrics = new GatewayMetrics();
    metrics.rateLimited("/api/v1/auth", "login");
    metrics.rateLimited("/api/v1/auth", "login");
    metrics.authRefused("/api/v1/cart", true);
    metrics.authRefused("/api/v1/cart", false);
    metrics.upstreamError("/api/v1/products", "product", "refused");
    assertThat(metrics.scrape())
        .contains("gateway_rate_limited_total{route=\"/api/v1/auth\",policy=\"login\"} 2\n")
        .contains("gateway_auth_refused_total{route=\"/api/v1/cart\",reason=\"invalid\"} 1\n")
        .contains("gateway_auth_refused_total{route=\"/api/v1/cart\",reason=\"missing\"} 1\n")
        .contains(
            "gateway_upstream_errors_total{route=\"/api/v1/products\",upstream=\"product\",kind=\"refused\"}"
                + " 1\n");
  }
}
