package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Releases through the gateway's whole pipeline to real loopback upstreams: which version a caller
 * reaches, and what a shadow gets.
 */
class ReleaseStepsTest {

  /** What one upstream saw: method, path and request id. */
  private final BlockingQueue<String> stable = new LinkedBlockingQueue<>();

  private final BlockingQueue<String> candidate = new LinkedBlockingQueue<>();
  private HttpServer stableServer;
  private HttpServer candidateServer;
  private GatewayMetrics metrics;
  private EdgePipeline pipeline;

  private static HttpServer upstream(BlockingQueue<String> seen, int status) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext(
        "/",
        exchange -> {
          seen.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getRawPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("X-Request-Id"));
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return server;
  }

  private static URI base(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @BeforeEach
  void start() throws IOException {
    stableServer = upstream(stable, 200);
    candidateServer = upstream(candidate, 503);
    Map<String, List<URI>> urls =
        Map.of(
            "product", List.of(base(stableServer)), "product-v2", List.of(base(candidateServer)));
    RouteTable routes =
        RouteTable.parse(
            "/api/v1/products=product,/api/v1/orders=product",
            Map.of("product", List.of(base(stableServer))),
            Optional.empty());
    metrics = new GatewayMetrics();
    pipeline =
        EdgePipeline.of(
            EdgeFixtures.plain(
                routes,
                new ResponseCache(List.of(), Duration.ofMinutes(1), 10, 4096, System::nanoTime),
                RouteTransforms.none(),
                Releases.parse(
                    "/api/v1/products product-v2 0",
                    "/api/v1/orders product-v2 100",
                    routes,
                    urls)),
            metrics);
  }

  @AfterEach
  void stop() {
    pipeline.close();
    stableServer.stop(0);
    candidateServer.stop(0);
  }

  private FakeHttp.Response send(FakeHttp.Request request) throws IOException {
    FakeHttp.Response response = new FakeHttp.Response();
    pipeline.handle(
        EdgeFixtures.exchange(
            request.header("Authorization", EdgeFixtures.bearer("customer-7")), response));
    return response;
  }

  @Test
  void aCallerOutsideTheShareStaysOnStableAndATesterReachesTheCandidate() throws Exception {
    assertThat(send(new FakeHttp.Request("GET", "/api/v1/products/1")).status()).isEqualTo(200);
    assertThat(stable.poll(5, TimeUnit.SECONDS)).startsWith("GET /api/v1/products/1");

    FakeHttp.Response tested =
        send(
            new FakeHttp.Request("GET", "/api/v1/products/1")
                .header(Releases.OVERRIDE, "candidate"));
    assertThat(tested.status()).as("the candidate's own answer").isEqualTo(503);
    assertThat(candidate.poll(5, TimeUnit.SECONDS)).startsWith("GET /api/v1/products/1");
    assertThat(metrics.scrape())
        .contains(
            "gateway_release_requests_total{route=\"/api/v1/products\",version=\"stable\"} 1",
            "gateway_release_requests_total{route=\"/api/v1/products\",version=\"candidate\"} 1");
  }

  @Test
  void aShadowGetsACopyOfAReadItsAnswerDroppedAndCounted() throws Exception {
    FakeHttp.Response response =
        send(new FakeHttp.Request("GET", "/api/v1/orders/9").header("X-Request-Id", "read-1"));
    assertThat(response.status()).as("the client gets the real answer").isEqualTo(200);
    assertThat(stable.poll(5, TimeUnit.SECONDS)).isEqualTo("GET /api/v1/orders/9 read-1");
    assertThat(candidate.poll(5, TimeUnit.SECONDS)).isEqualTo("GET /api/v1/orders/9 read-1");
    String counted =
        "gateway_shadow_requests_total{route=\"/api/v1/orders\",upstream=\"product-v2\","
            + "outcome=\"error\"} 1";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!metrics.scrape().contains(counted) && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    assertThat(metrics.scrape()).contains(counted);
  }

  @Test
  void aWriteIsNeverShadowed() throws Exception {
    assertThat(
            send(new FakeHttp.Request("POST", "/api/v1/orders")
                    .body("{}")
                    .header("X-Request-Id", "write-1"))
                .status())
        .isEqualTo(200);
    assertThat(stable.poll(5, TimeUnit.SECONDS)).isEqualTo("POST /api/v1/orders write-1");
    // A read after it is shadowed, and the shadow's queue is in order: no write came before.
    send(new FakeHttp.Request("GET", "/api/v1/orders/9").header("X-Request-Id", "read-2"));
    assertThat(candidate.poll(5, TimeUnit.SECONDS)).isEqualTo("GET /api/v1/orders/9 read-2");
  }
}
