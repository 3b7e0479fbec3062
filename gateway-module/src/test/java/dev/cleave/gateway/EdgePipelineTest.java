package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgePipelineTest {

  @Test
  void stepsRunInTheirDeclaredOrderAndTheFirstToAnswerEndsTheWay() throws IOException {
    List<String> seen = new ArrayList<>();
    EdgeStep refusing =
        exchange -> {
          seen.add("refusing");
          exchange.refuse(403, "forbidden", "Forbidden", "No.");
          return false;
        };
    EdgeStep passing =
        exchange -> {
          seen.add("passing");
          return true;
        };
    EdgeStep never =
        exchange -> {
          seen.add("never");
          return true;
        };
    FakeHttp.Response response = new FakeHttp.Response();
    new EdgePipeline(List.of(passing, refusing, never), null)
        .handle(EdgeFixtures.exchange(new FakeHttp.Request("GET", "/api/v1/products"), response));
    assertThat(seen).containsExactly("passing", "refusing");
    assertThat(response.status()).isEqualTo(403);
  }

  /** The gateway's own pipeline, with CORS for one origin and a login-sized limit on orders. */
  private static EdgePipeline gateway() {
    GatewayConfig config =
        EdgeFixtures.config(
            EdgeFixtures.ROUTES,
            RateLimits.parse("off", "orders /api/v1/orders/** 1/PT1M", System::nanoTime),
            new CorsPolicy(
                List.of("https://shop.example"),
                List.of("GET", "POST"),
                List.of("Authorization"),
                Duration.ofMinutes(1)),
            new ResponseCache(List.of(), Duration.ofMinutes(1), 10, 1024, System::nanoTime),
            IpRules.parse("", "203.0.113.0/24", ""),
            RouteTransforms.none(),
            Releases.none());
    return EdgePipeline.of(config, new GatewayMetrics());
  }

  private static FakeHttp.Response through(EdgePipeline pipeline, FakeHttp.Request request)
      throws IOException {
    FakeHttp.Response response = new FakeHttp.Response();
    pipeline.handle(EdgeFixtures.exchange(request, response));
    return response;
  }

  @Test
  void theGatewaysStepsApplyInTheirDeclaredOrder() throws IOException {
    try (EdgePipeline pipeline = gateway()) {
      // Limits before routing: a malformed path is 400, routed or not.
      assertThat(through(pipeline, new FakeHttp.Request("GET", "/api/v1/orders/..")).status())
          .isEqualTo(400);
      // Address lists before routing: a denied address learns nothing, not even 404.
      assertThat(
              through(pipeline, new FakeHttp.Request("GET", "/nowhere").from("203.0.113.9"))
                  .status())
          .isEqualTo(403);
      // Routing before authentication: an unknown path is 404 without a token too.
      assertThat(through(pipeline, new FakeHttp.Request("GET", "/nowhere")).status())
          .isEqualTo(404);
      // CORS before authentication: a preflight carries no token.
      assertThat(
              through(
                      pipeline,
                      new FakeHttp.Request("OPTIONS", "/api/v1/orders")
                          .header("Origin", "https://shop.example")
                          .header("Access-Control-Request-Method", "POST"))
                  .status())
          .isEqualTo(204);
      // Rate limit before authentication: refused requests use up the quota, then 429.
      FakeHttp.Request guess =
          new FakeHttp.Request("GET", "/api/v1/orders").header("Authorization", "Bearer guess");
      assertThat(through(pipeline, guess).status()).isEqualTo(401);
      FakeHttp.Request again =
          new FakeHttp.Request("GET", "/api/v1/orders").header("Authorization", "Bearer guess");
      assertThat(through(pipeline, again).status()).isEqualTo(429);
    }
  }

  @Test
  void aRequestEveryStepAdmitsIsForwardedAndAnUpstreamThatIsDownIs503() throws IOException {
    try (EdgePipeline pipeline = gateway()) {
      FakeHttp.Response response =
          through(pipeline, new FakeHttp.Request("GET", "/api/v1/products/7"));
      assertThat(response.status()).isEqualTo(503);
      assertThat(response.header("Retry-After")).isEqualTo("5");
      assertThat(response.body()).contains("The product service is not reachable");
    }
  }
}
