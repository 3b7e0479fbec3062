package dev.cleave.apitests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Shop;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway's own answers, where a gateway is the front door (split and extract shapes): it
 * routes public paths only, refuses paths that could escape their route, and limits bodies.
 * Requests are sent raw (java.net.http does not normalize paths), exactly as a hostile client
 * would.
 */
@ApiTest
class GatewayIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void onlyBehindAGateway() {
    Assumptions.assumeTrue(
        CleaveSystem.deployment().map(s -> s.topology().front().isGateway()).orElse(false),
        "the front door is a gateway only in the split and extract shapes");
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
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
  @ValueSource(
      strings = {
        "/internal/v1/product/catalog/products?id=1",
        "/internal/v1/payment/payments/x",
        "/INTERNAL/v1/user/customers/x",
        "/internal"
      })
  void neverRoutesTheModuleApis(String path) throws Exception {
    assertProblem(send(get(path)), 404);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/products/../../internal/v1/product/catalog/products?id=1",
        "/api/v1/products/%2e%2e/%2e%2e/internal/v1/payment/payments/x",
        "/api/v1/products%2F..%2F..%2Finternal",
        "/api/v1/products/%252e%252e/%252e%252e/internal",
        "/api/v1/products;x=1"
      })
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
    Arrays.fill(body, (byte) 'a');
    assertProblem(
        send(
            HttpRequest.newBuilder(URI.create(CleaveSystem.baseUrl() + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))),
        413);
  }

  @Test
  void reportsEveryUpstreamInItsReadiness() throws Exception {
    HttpResponse<String> ready = send(get("/health/ready"));
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body())
        .contains(
            "\"product-upstream\"",
            "\"order-upstream\"",
            "\"user-upstream\"",
            "\"product-database\"");
  }

  @Test
  void isStartedOnceItsRoutesAreLoaded() throws Exception {
    // What a cluster's readiness probe asks (deploy/k8s): the gateway itself, not its upstreams.
    HttpResponse<String> started = send(get("/health/started"));
    assertThat(started.statusCode()).isEqualTo(200);
    assertThat(started.body()).contains("\"status\":\"UP\"").doesNotContain("-upstream");
  }

  @Test
  void resolvesUpstreamHostNamesItselfToTheAddressesItForwardsTo() throws Exception {
    // The launcher names each service http://localhost:PORT; the services listen on 127.0.0.1
    // only, so the gateway takes the name's first address family (IPv4), not ::1 as well.
    JsonPath ready = JsonPath.from(send(get("/health/ready")).body());
    String product = "checks.find { it.name == 'product-upstream' }.data";
    assertThat(URI.create(ready.getString(product + ".url")).getHost()).isEqualTo("localhost");
    assertThat(ready.getString(product + ".address")).isEqualTo("127.0.0.1");
    assertThat(ready.getString(product + ".answer")).isEqualTo("HTTP 200");
  }

  @Test
  void refusesMissingAndBadTokensBeforeAnyServiceSeesThem() throws Exception {
    String valid = CleaveSystem.tokens().customer(UUID.randomUUID().toString());
    String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
    String noToken = UUID.randomUUID().toString();
    String badToken = UUID.randomUUID().toString();
    String badTokenOnAPublicRead = UUID.randomUUID().toString();
    String passed = UUID.randomUUID().toString();

    HttpResponse<String> missing = send(get("/api/v1/cart").header("X-Request-Id", noToken));
    assertProblem(missing, 401);
    assertThat(missing.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"cleave\"");
    HttpResponse<String> bad =
        send(
            get("/api/v1/cart")
                .header("X-Request-Id", badToken)
                .header("Authorization", "Bearer " + forged));
    assertProblem(bad, 401);
    assertThat(bad.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"invalid_token\"");
    assertProblem(
        send(
            get("/api/v1/products")
                .header("X-Request-Id", badTokenOnAPublicRead)
                .header("Authorization", "Bearer " + forged)),
        401);
    assertThat(
            send(get("/api/v1/cart")
                    .header("X-Request-Id", passed)
                    .header("Authorization", "Bearer " + valid))
                .statusCode())
        .isEqualTo(200);

    // The services log every request they answer with its request id: the refused ones are not
    // there.
    Path orderLog = serverLog("order");
    Path productLog = serverLog("product");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!Files.readString(orderLog).contains(passed) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(Files.readString(orderLog))
        .contains(passed)
        .doesNotContain(noToken)
        .doesNotContain(badToken);
    assertThat(Files.readString(productLog)).doesNotContain(badTokenOnAPublicRead);
  }

  @Test
  void letsAnonymousRoutesThroughWithoutAToken() throws Exception {
    assertThat(send(get("/api/v1/products")).statusCode()).isEqualTo(200);
    assertThat(send(get("/api/v1/categories")).statusCode()).isEqualTo(200);
    assertThat(send(get("/.well-known/jwks.json")).statusCode()).isEqualTo(200);
    assertProblem(
        send(
            HttpRequest.newBuilder(URI.create(CleaveSystem.baseUrl() + "/api/v1/products"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))),
        401);
  }

  @Test
  void transformsARouteAsItsConfigurationSays() throws Exception {
    // CleaveSystem.GATEWAY_TEST_TRANSFORMS: /api/v0/catalog is the catalog under an older name
    // (not anonymous: the anonymous routes name the public paths).
    String customer = "Bearer " + CleaveSystem.tokens().customer(UUID.randomUUID().toString());
    String requestId = "transform-" + UUID.randomUUID();
    HttpResponse<String> old =
        send(
            get("/api/v0/catalog?size=1")
                .header("Authorization", customer)
                .header("Accept", "text/plain")
                .header("X-Request-Id", requestId));
    assertThat(old.statusCode()).as(old.body()).isEqualTo(200);
    // The route sets Accept for the service: without it, text/plain is 406.
    assertThat(send(get("/api/v1/products?size=1").header("Accept", "text/plain")).statusCode())
        .isEqualTo(406);
    assertThat(old.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(old.headers().firstValue("X-Catalog-Version")).hasValue("v0, deprecated");
    assertThat(old.headers().firstValue("Server")).isEmpty();
    HttpResponse<String> current = send(get("/api/v1/products?size=1"));
    assertThat(JsonPath.from(old.body()).getLong("items[0].id"))
        .isEqualTo(JsonPath.from(current.body()).getLong("items[0].id"));
    assertThat(current.headers().firstValue("X-Catalog-Version")).isEmpty();

    // The product service was asked for its own path.
    Path productLog = serverLog("product");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!Files.readString(productLog).contains(requestId) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(
            Files.readAllLines(productLog).stream()
                .filter(line -> line.contains(requestId))
                .map(line -> JsonPath.from(line).getString("ibm_uriPath")))
        .containsExactly("/api/v1/products");

    // What the service creates is named under the route's prefix.
    String sku = "V0-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(URI.create(CleaveSystem.baseUrl() + "/api/v0/catalog"))
                .header("Authorization", "Bearer " + CleaveSystem.tokens().admin())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"sku":"%s","name":"Old-route trowel","description":"Made by GatewayIT.","category":"garden",
                         "price":3.50,"currency":"EUR"}\
                        """
                            .formatted(sku))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = JsonPath.from(created.body()).getLong("id");
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .endsWith("/api/v0/catalog/" + id);
    assertThat(send(get("/api/v0/catalog/" + id).header("Authorization", customer)).statusCode())
        .isEqualTo(200);
  }

  /** The gateway's count of one series on its /metrics, 0 when absent. */
  private static long metric(String series) throws Exception {
    String scrape = send(get("/metrics")).body();
    return Arrays.stream(scrape.split("\n"))
        .filter(line -> line.startsWith(series + " "))
        .mapToLong(line -> Long.parseLong(line.substring(series.length() + 1).strip()))
        .findFirst()
        .orElse(0);
  }

  private static HttpResponse<String> putRelease(
      String route, String token, String type, String body) throws Exception {
    HttpRequest.Builder put =
        HttpRequest.newBuilder(URI.create(CleaveSystem.baseUrl() + "/gateway/releases" + route))
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      put.header("Authorization", "Bearer " + token);
    }
    if (type != null) {
      put.header("Content-Type", type);
    }
    return send(put);
  }

  @Test
  void sendsTheReleasesShareOfCallersToItsCandidateAndSwitchesWithoutARestart() throws Exception {
    // CleaveSystem.GATEWAY_TEST_RELEASE: /api/v0/catalog has a candidate with no share.
    String candidate =
        "gateway_release_requests_total{route=\"/api/v0/catalog\",version=\"candidate\"}";
    String stable = "gateway_release_requests_total{route=\"/api/v0/catalog\",version=\"stable\"}";
    String customer = "Bearer " + CleaveSystem.tokens().customer(UUID.randomUUID().toString());
    long candidatesBefore = metric(candidate);
    long stableBefore = metric(stable);
    assertThat(send(get("/api/v0/catalog?size=1").header("Authorization", customer)).statusCode())
        .isEqualTo(200);
    assertThat(metric(stable)).isEqualTo(stableBefore + 1);
    assertThat(metric(candidate)).isEqualTo(candidatesBefore);

    // A tester asks for the candidate.
    assertThat(
            send(get("/api/v0/catalog?size=1")
                    .header("Authorization", customer)
                    .header("X-Cleave-Release", "candidate"))
                .statusCode())
        .isEqualTo(200);
    assertThat(metric(candidate)).isEqualTo(candidatesBefore + 1);

    // Blue/green: an administrator switches every caller over, and back.
    String admin = CleaveSystem.tokens().admin();
    try {
      HttpResponse<String> switched =
          putRelease("/api/v0/catalog", admin, "application/json", "{\"percent\":100}");
      assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
      assertThat(JsonPath.from(switched.body()).getInt("percent")).isEqualTo(100);
      assertThat(send(get("/api/v0/catalog?size=1").header("Authorization", customer)).statusCode())
          .isEqualTo(200);
      assertThat(metric(candidate)).isEqualTo(candidatesBefore + 2);
      HttpResponse<String> listed =
          send(get("/gateway/releases").header("Authorization", "Bearer " + admin));
      assertThat(
              JsonPath.from(listed.body())
                  .getInt("releases.find { it.route == '/api/v0/catalog' }.percent"))
          .isEqualTo(100);
    } finally {
      assertThat(
              putRelease("/api/v0/catalog", admin, "application/json", "{\"percent\":0}")
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void refusesReleaseChangesFromAnyoneButAnAdministratorAndBadShares() throws Exception {
    String admin = CleaveSystem.tokens().admin();
    String customer = CleaveSystem.tokens().customer(UUID.randomUUID().toString());
    String json = "application/json";
    HttpResponse<String> anonymous = putRelease("/api/v0/catalog", null, json, "{\"percent\":5}");
    assertProblem(anonymous, 401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"cleave\"");
    assertProblem(putRelease("/api/v0/catalog", customer, json, "{\"percent\":5}"), 403);
    assertProblem(putRelease("/api/v1/orders", admin, json, "{\"percent\":5}"), 404);
    assertProblem(putRelease("/api/v0/catalog", admin, "text/plain", "5"), 415);
    assertProblem(putRelease("/api/v0/catalog", admin, json, "{\"percent\":\"all\"}"), 400);
    assertProblem(putRelease("/api/v0/catalog", admin, json, "{\"percent\":2.5}"), 400);
    assertProblem(putRelease("/api/v0/catalog", admin, json, "not json"), 400);
    assertProblem(putRelease("/api/v0/catalog", admin, json, "[5]"), 400);
    assertProblem(putRelease("/api/v0/catalog", admin, json, "{\"percent\":101}"), 422);
    assertProblem(putRelease("/api/v0/catalog", admin, json, "{\"percent\":-1}"), 422);
    assertProblem(
        putRelease("/api/v0/catalog", admin, json, "{\"percent\":99999999999999999999}"), 422);
    assertProblem(
        send(
            HttpRequest.newBuilder(URI.create(CleaveSystem.baseUrl() + "/gateway/releases"))
                .header("Authorization", "Bearer " + admin)
                .DELETE()),
        405);
    // Kept to the operators' network (CleaveSystem.GATEWAY_TEST_IP_RULES), even for an admin.
    HttpResponse<String> outside =
        send(
            get("/gateway/releases")
                .header("Authorization", "Bearer " + admin)
                .header("X-Forwarded-For", "203.0.113.50"));
    assertProblem(outside, 403);
    assertThat(outside.body()).contains("address-refused");
    // Nothing of it changed the share.
    HttpResponse<String> listed =
        send(get("/gateway/releases").header("Authorization", "Bearer " + admin));
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(
            JsonPath.from(listed.body())
                .getInt("releases.find { it.route == '/api/v0/catalog' }.percent"))
        .isZero();
  }

  @Test
  void shadowsReadsToTheCandidateAndDropsItsAnswer() throws Exception {
    // CleaveSystem.GATEWAY_TEST_SHADOW: every categories read is copied to the candidate, which is
    // the product service again, so its log shows the request twice under one request id.
    String answered =
        "gateway_shadow_requests_total{route=\"/api/v1/categories\",upstream=\"catalog-candidate\","
            + "outcome=\"answered\"}";
    long before = metric(answered);
    String requestId = "shadow-" + UUID.randomUUID();
    HttpResponse<String> read =
        send(
            get("/api/v1/categories")
                .header("Cache-Control", "no-cache")
                .header("X-Request-Id", requestId));
    assertThat(read.statusCode()).isEqualTo(200);
    Path productLog = serverLog("product");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (Files.readAllLines(productLog).stream().filter(l -> l.contains(requestId)).count() < 2
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(Files.readAllLines(productLog).stream().filter(l -> l.contains(requestId)))
        .hasSize(2);
    while (metric(answered) == before && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(metric(answered)).isEqualTo(before + 1);
  }

  private static Path serverLog(String module) {
    var deployment = CleaveSystem.deployment().orElseThrow();
    return deployment.server(deployment.topology().holderOf(module).server()).log().orElseThrow();
  }

  @Test
  void limitsEachCallerToItsQuotaWithTheStandardHeaders() throws Exception {
    // The rule CleaveSystem.GATEWAY_TEST_RATE_LIMIT: 3 per hour per caller. Each test client has an
    // address of its own (loopback is a trusted proxy here), so the buckets start full.
    String client = Accounts.randomClientAddress();
    for (int i = 2; i >= 0; i--) {
      HttpResponse<String> passed =
          send(get("/api/v1/categories/rate-limit-probe").header("X-Forwarded-For", client));
      assertThat(passed.statusCode()).as("forwarded: the service has no such path").isEqualTo(404);
      assertThat(passed.headers().firstValue("RateLimit-Policy")).hasValue("\"probe\";q=3;w=3600");
      assertThat(passed.headers().firstValue("RateLimit").orElseThrow())
          .startsWith("\"probe\";r=" + i + ";t=");
    }
    HttpResponse<String> limited =
        send(get("/api/v1/categories/rate-limit-probe").header("X-Forwarded-For", client));
    assertProblem(limited, 429);
    assertThat(limited.body()).contains("too-many-requests");
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1100L, 1200L);
    assertThat(limited.headers().firstValue("RateLimit").orElseThrow())
        .startsWith("\"probe\";r=0;t=");

    // Another address, and a signed-in customer at the same address, have buckets of their own.
    assertThat(
            send(get("/api/v1/categories/rate-limit-probe")
                    .header("X-Forwarded-For", Accounts.randomClientAddress()))
                .statusCode())
        .isEqualTo(404);
    String customer = CleaveSystem.tokens().customer(UUID.randomUUID().toString());
    assertThat(
            send(get("/api/v1/categories/rate-limit-probe")
                    .header("X-Forwarded-For", client)
                    .header("Authorization", "Bearer " + customer))
                .statusCode())
        .isEqualTo(404);
    // Routes without a rule carry no rate limit headers (the suite runs without a default limit).
    assertThat(send(get("/api/v1/categories")).headers().firstValue("RateLimit")).isEmpty();
  }

  @Test
  void refusesOversizedHeaders() throws Exception {
    assertProblem(send(get("/api/v1/products").header("X-Padding", "a".repeat(20_000))), 431);
  }

  @Test
  void answersPreflightsFromItsCorsPolicyAndMarksAllowedAnswers() throws Exception {
    HttpResponse<String> granted =
        send(
            HttpRequest.newBuilder(URI.create(CleaveSystem.baseUrl() + "/api/v1/cart/items"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", CleaveSystem.GATEWAY_TEST_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type"));
    assertThat(granted.statusCode())
        .as("a preflight carries no token, and needs none")
        .isEqualTo(204);
    assertThat(granted.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue(CleaveSystem.GATEWAY_TEST_ORIGIN);
    assertThat(granted.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
        .contains("POST");

    assertProblem(
        send(
            HttpRequest.newBuilder(URI.create(CleaveSystem.baseUrl() + "/api/v1/cart/items"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")),
        403);

    HttpResponse<String> actual =
        send(get("/api/v1/products").header("Origin", CleaveSystem.GATEWAY_TEST_ORIGIN));
    assertThat(actual.statusCode()).isEqualTo(200);
    assertThat(actual.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue(CleaveSystem.GATEWAY_TEST_ORIGIN);
    assertThat(actual.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
        .contains("X-Request-Id");
    assertThat(
            send(get("/api/v1/products").header("Origin", "https://evil.example"))
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"198.51.100.23", "2001:db8:bad::17", "::ffff:198.51.100.9"})
  void refusesDeniedNetworksWith403OnEveryPath(String client) throws Exception {
    for (String path : new String[] {"/api/v1/products", "/api/v1/orders", "/nothing-here"}) {
      HttpResponse<String> refused = send(get(path).header("X-Forwarded-For", client));
      assertProblem(refused, 403);
      assertThat(refused.body()).contains("address-refused").doesNotContain(client);
    }
    assertThat(
            send(get("/api/v1/products").header("X-Forwarded-For", "198.51.101.23")).statusCode())
        .as("the next network")
        .isEqualTo(200);
    assertThat(send(get("/metrics")).body())
        .containsPattern("gateway_address_refused_total\\{list=\"deny\"} [1-9]");
  }

  @Test
  void keepsTheAdministrationAndMetricsToTheAllowedNetworks() throws Exception {
    String admin = "Bearer " + Accounts.admin().accessToken();
    HttpResponse<String> outside =
        send(
            get("/api/v1/admin/orders")
                .header("Authorization", admin)
                .header("X-Forwarded-For", "192.0.2.61"));
    assertProblem(outside, 403);
    assertThat(send(get("/api/v1/admin/orders").header("Authorization", admin)).statusCode())
        .as("from this machine")
        .isEqualTo(200);
    assertProblem(send(get("/metrics").header("X-Forwarded-For", "2001:db8::61")), 403);
    assertThat(send(get("/metrics")).body())
        .containsPattern(
            "gateway_address_refused_total\\{list=\"allow /api/v1/admin/\\*\\*\"} [1-9]");
  }

  @Test
  void exportsPerRouteMetrics() throws Exception {
    send(get("/api/v1/products"));
    send(get("/api/v1/cart"));
    send(get("/nothing-here"));
    HttpResponse<String> metrics = send(get("/metrics"));
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(metrics.body())
        .containsPattern(
            "gateway_requests_total\\{route=\"/api/v1/products\",status=\"200\"} [1-9]")
        .containsPattern("gateway_requests_total\\{route=\"unrouted\",status=\"404\"} [1-9]")
        .containsPattern(
            "gateway_auth_refused_total\\{route=\"/api/v1/cart\",reason=\"missing\"} [1-9]")
        .contains(
            "gateway_request_duration_seconds_bucket{route=\"/api/v1/products\",le=\"+Inf\"}");
  }

  @Test
  void cachesPublicCatalogReadsAsTheServiceAllowsWithEntityTags() throws Exception {
    String query = "/api/v1/products?q=" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> first = send(get(query));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=10");
    assertThat(first.headers().firstValue("X-Cache")).hasValue("MISS");
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> second = send(get(query));
    assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
    assertThat(second.headers().firstValue("ETag")).hasValue(etag);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.headers().firstValue("X-Request-Id"))
        .isNotEqualTo(first.headers().firstValue("X-Request-Id"));

    HttpResponse<String> unchanged = send(get(query).header("If-None-Match", etag));
    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();

    // Another caller has a cache of its own; a client asking for a fresh answer gets one.
    String customer = CleaveSystem.tokens().customer(UUID.randomUUID().toString());
    assertThat(
            send(get(query).header("Authorization", "Bearer " + customer))
                .headers()
                .firstValue("X-Cache"))
        .hasValue("MISS");
    assertThat(send(get(query).header("Cache-Control", "no-cache")).headers().firstValue("X-Cache"))
        .hasValue("MISS");
  }

  @Test
  void neverKeepsWhatTheServiceSaysMustBeAskedForAgain() throws Exception {
    long product = Shop.product("4.00", 3);
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> page = send(get("/api/v1/products/" + product));
      assertThat(page.headers().firstValue("Cache-Control")).as("live stock").hasValue("no-cache");
      assertThat(page.headers().firstValue("X-Cache")).isEmpty();
    }
  }

  @Test
  void anAdministratorsProductChangeIsSeenAtOnce() throws Exception {
    String sku = "CACHE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    String query = "/api/v1/products?q=" + sku;
    assertThat(send(get(query)).body()).doesNotContain(sku);
    assertThat(send(get(query)).headers().firstValue("X-Cache")).hasValue("HIT");
    Accounts.admin()
        .request()
        .body(
            """
            {"sku":"%s","name":"Cached %s","category":"garden","price":3.50,"currency":"EUR"}\
            """
                .formatted(sku, sku))
        .post("/api/v1/products")
        .then()
        .statusCode(201);
    HttpResponse<String> after = send(get(query));
    assertThat(after.headers().firstValue("X-Cache")).hasValue("MISS");
    assertThat(after.body()).contains(sku);
    assertThat(send(get("/metrics")).body())
        .containsPattern(
            "gateway_cache_requests_total\\{route=\"/api/v1/products\",result=\"hit\"} [1-9]")
        .containsPattern("gateway_cache_purged_entries_total\\{route=\"/api/v1/products\"} [1-9]");
  }

  @Test
  void composesAnOrdersDetailsFromThreeServicesForItsOwnerOnly() throws Exception {
    Accounts.Account customer = Accounts.newCustomer("details");
    long product = Shop.product("8.00", 4);
    Shop.addToCart(customer, product, 2);
    String order =
        Shop.placeOrder(customer, Shop.APPROVED)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getString("id");

    HttpResponse<String> view =
        send(
            get("/api/v1/orders/" + order + "/details")
                .header("Authorization", "Bearer " + customer.accessToken()));
    assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
    JsonPath json = JsonPath.from(view.body());
    assertThat(json.getString("order.id")).isEqualTo(order);
    assertThat(json.getString("order.status")).isEqualTo("CONFIRMED");
    assertThat(json.getLong("products[0].id")).isEqualTo(product);
    assertThat(json.getLong("products[0].current.id")).isEqualTo(product);
    assertThat(json.getString("payment.status")).isEqualTo("CAPTURED");
    assertThat(json.getBoolean("partial")).isFalse();
    assertThat(view.headers().firstValue("Cache-Control")).hasValue("private, no-store");

    Accounts.Account stranger = Accounts.newCustomer("details-stranger");
    HttpResponse<String> notYours =
        send(
            get("/api/v1/orders/" + order + "/details")
                .header("Authorization", "Bearer " + stranger.accessToken()));
    assertProblem(notYours, 404);
    assertThat(notYours.body()).doesNotContain("CAPTURED");
    assertProblem(send(get("/api/v1/orders/" + order + "/details")), 401);
  }
}
