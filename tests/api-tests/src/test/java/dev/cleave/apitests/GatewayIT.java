package dev.cleave.apitests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own answers, where a gateway is the front door (split and extract shapes): it routes
 * public paths only, refuses paths that could escape their route, and limits bodies. Requests are
 * sent raw (java.net.http does not normalize paths), exactly as a hostile client would.
 */
@ApiTest
class GatewayIT {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void onlyBehindAGateway() {
    Assumptions.assumeTrue(CleaveSystem.stack().map(s -> s.topology().front().isGateway()).orElse(false),
        "the front door is a gateway only in the split and extract shapes");
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder get(String rawPath) {
    return HttpRequest.newBuilder(URI.create(CleaveSystem.baseUrl() + rawPath)).GET();
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"status\":" + status).contains("\"requestId\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/internal/v1/product/catalog/products?id=1", "/internal/v1/payment/payments/x",
      "/INTERNAL/v1/user/customers/x", "/internal"})
  void neverRoutesTheModuleApis(String path) throws Exception {
    assertProblem(send(get(path)), 404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/products/../../internal/v1/product/catalog/products?id=1",
      "/api/v1/products/%2e%2e/%2e%2e/internal/v1/payment/payments/x", "/api/v1/products%2F..%2F..%2Finternal",
      "/api/v1/products/%252e%252e/%252e%252e/internal", "/api/v1/products;x=1"})
  void refusesPathsThatCouldEscapeTheirRoute(String path) throws Exception {
    HttpResponse<String> response = send(get(path));
    assertThat(response.statusCode()).as(path + " " + response.body()).isIn(400, 404);
    assertThat(response.body()).doesNotContain("\"paymentKey\"").doesNotContain("\"items\"");
  }

  @Test
  void answersUnroutedPathsWithAProblem() throws Exception {
    assertProblem(send(get("/api/v2/products")), 404);
    assertProblem(send(get("/nothing-here")), 404);
  }

  @Test
  void refusesABodyOverTheLimit() throws Exception {
    byte[] body = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(body, (byte) 'a');
    assertProblem(send(HttpRequest.newBuilder(URI.create(CleaveSystem.baseUrl() + "/api/v1/auth/login"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))), 413);
  }

  @Test
  void reportsEveryUpstreamInItsReadiness() throws Exception {
    HttpResponse<String> ready = send(get("/health/ready"));
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"product-upstream\"", "\"order-upstream\"", "\"user-upstream\"",
        "\"product-database\"");
  }
}
