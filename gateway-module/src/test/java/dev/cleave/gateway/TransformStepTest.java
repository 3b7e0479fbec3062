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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transforms through the gateway's whole pipeline to a real loopback upstream: what the
 * upstream is sent, what the client gets, and what the cache keeps.
 */
class TransformStepTest {

  /** What the upstream saw: the raw path and query, and the request headers by lower-case name. */
  private record Seen(String target, Map<String, List<String>> headers) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(h -> h.getKey().equalsIgnoreCase(name))
          .map(h -> String.join(",", h.getValue()))
          .findFirst()
          .orElse(null);
    }
  }

  private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
  private HttpServer upstream;
  private EdgePipeline pipeline;

  @BeforeEach
  void startAnUpstreamAndAGatewayInFrontOfIt() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    upstream.createContext(
        "/",
        exchange -> {
          seen.add(
              new Seen(
                  exchange.getRequestURI().getRawPath()
                      + (exchange.getRequestURI().getRawQuery() == null
                          ? ""
                          : "?" + exchange.getRequestURI().getRawQuery()),
                  Map.copyOf(exchange.getRequestHeaders())));
          byte[] body = "{\"id\":7}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.getResponseHeaders().add("Server", "Upstream/1.0");
          exchange.getResponseHeaders().add("X-Powered-By", "Servlet/6.0");
          exchange.getResponseHeaders().add("X-Internal-Trace", "node-3");
          exchange.getResponseHeaders().add("Cache-Control", "public, max-age=60");
          exchange.getResponseHeaders().add("Location", "http://127.0.0.1/api/v1/products/7");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    upstream.start();
    URI base = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort());
    RouteTable routes =
        RouteTable.parse(
            "/api/v0/catalog=product,/api/v1/products=product",
            Map.of("product", List.of(base)),
            Optional.empty());
    RouteTransforms transforms =
        RouteTransforms.parse(
            List.of(
                "/api/v0/catalog rewrite-prefix /api/v1/products",
                "/api/v0/catalog set-request-header X-Api-Version 0",
                "/api/v0/catalog remove-request-header X-Debug",
                "/api/v0/catalog remove-response-header X-Internal-Trace",
                "* set-response-header X-Frame-Options DENY"),
            List.of("Server", "X-Powered-By"),
            routes.prefixes());
    pipeline =
        EdgePipeline.of(
            EdgeFixtures.plain(
                routes,
                new ResponseCache(
                    List.of("/api/v0/catalog"), Duration.ofMinutes(1), 10, 4096, System::nanoTime),
                transforms,
                Releases.none()),
            new GatewayMetrics());
  }

  @AfterEach
  void stop() {
    pipeline.close();
    upstream.stop(0);
  }

  private FakeHttp.Response get(String path, String query) throws IOException {
    FakeHttp.Response response = new FakeHttp.Response();
    FakeHttp.Request request =
        new FakeHttp.Request("GET", path)
            .query(query)
            .header("Authorization", EdgeFixtures.bearer("customer-1"))
            .header("X-Api-Version", "9")
            .header("X-Debug", "on")
            .header("Accept", "application/json");
    pipeline.handle(EdgeFixtures.exchange(request, response));
    return response;
  }

  @Test
  void theUpstreamGetsTheRewrittenPathAndTheRoutesRequestHeaders() throws Exception {
    FakeHttp.Response response = get("/api/v0/catalog/7", "fields=name");
    assertThat(response.status()).isEqualTo(200);
    Seen request = seen.take();
    assertThat(request.target()).isEqualTo("/api/v1/products/7?fields=name");
    assertThat(request.header("X-Api-Version")).isEqualTo("0");
    assertThat(request.header("X-Debug")).isNull();
    assertThat(request.header("Accept")).isEqualTo("application/json");
    assertThat(request.header("X-Request-Id")).isNotBlank();
  }

  @Test
  void theClientGetsTheRoutesAnswerHeadersAndItsOwnPrefixInTheLocation() throws IOException {
    FakeHttp.Response response = get("/api/v0/catalog/7", null);
    assertThat(response.header("Server")).isNull();
    assertThat(response.header("X-Powered-By")).isNull();
    assertThat(response.header("X-Internal-Trace")).isNull();
    assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.header("Location")).isEqualTo("http://127.0.0.1/api/v0/catalog/7");
    assertThat(response.body()).isEqualTo("{\"id\":7}");
  }

  @Test
  void anotherRouteGetsOnlyTheEntriesForEveryRoute() throws Exception {
    FakeHttp.Response response = get("/api/v1/products/7", null);
    Seen request = seen.take();
    assertThat(request.target()).isEqualTo("/api/v1/products/7");
    assertThat(request.header("X-Api-Version")).isEqualTo("9");
    assertThat(request.header("X-Debug")).isEqualTo("on");
    assertThat(response.header("X-Internal-Trace")).isEqualTo("node-3");
    assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.header("Server")).isNull();
    assertThat(response.header("Location")).isEqualTo("http://127.0.0.1/api/v1/products/7");
  }

  @Test
  void theCacheKeepsAndReplaysTheChangedAnswer() throws IOException {
    FakeHttp.Response miss = get("/api/v0/catalog/7", null);
    FakeHttp.Response hit = get("/api/v0/catalog/7", null);
    assertThat(miss.header("X-Cache")).isEqualTo("MISS");
    assertThat(hit.header("X-Cache")).isEqualTo("HIT");
    assertThat(seen).hasSize(1);
    assertThat(hit.header("Server")).isNull();
    assertThat(hit.header("X-Internal-Trace")).isNull();
    assertThat(hit.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(hit.header("Location")).isEqualTo("http://127.0.0.1/api/v0/catalog/7");
  }
}
