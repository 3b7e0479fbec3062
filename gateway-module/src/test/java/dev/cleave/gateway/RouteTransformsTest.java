package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTransformsTest {

  private static final Set<String> ROUTES = Set.of("/api/v0/catalog", "/api/v1/products", "/");

  private static RouteTransforms parse(String... entries) {
    return RouteTransforms.parse(List.of(entries), List.of("Server", "X-Powered-By"), ROUTES);
  }

  @Test
  void aRewrittenPrefixIsTheUpstreamsAndComesBackInLocations() {
    RouteTransform transform =
        parse("/api/v0/catalog rewrite-prefix /api/v1/products").of("/api/v0/catalog");
    assertThat(transform.upstreamPath("/api/v0/catalog/7", "/api/v0/catalog"))
        .isEqualTo("/api/v1/products/7");
    assertThat(transform.upstreamPath("/api/v0/catalog", "/api/v0/catalog"))
        .isEqualTo("/api/v1/products");

    UpstreamClient.Headers headers = new UpstreamClient.Headers();
    headers.add("Location", "http://shop.example/api/v1/products/7");
    headers.add("Content-Location", "/api/v1/products-elsewhere/7");
    transform.answer(headers, "/api/v0/catalog");
    assertThat(headers.firstValue("Location")).contains("http://shop.example/api/v0/catalog/7");
    // Only the prefix on a segment boundary is put back.
    assertThat(headers.firstValue("Content-Location")).contains("/api/v1/products-elsewhere/7");
  }

  @Test
  void requestHeadersAreSetOverTheClientsAndRemoved() {
    RouteTransform transform =
        parse(
                "/api/v1/products set-request-header X-Api-Version 1",
                "/api/v1/products remove-request-header X-Debug")
            .of("/api/v1/products");
    List<Map.Entry<String, String>> upstream =
        transform.requestHeaders(
            List.of(
                Map.entry("x-api-version", "7"),
                Map.entry("X-Debug", "on"),
                Map.entry("Accept", "application/json")));
    assertThat(upstream)
        .containsExactly(Map.entry("Accept", "application/json"), Map.entry("X-Api-Version", "1"));
  }

  @Test
  void everyRoutesEntriesComeFirstAndARoutesLaterEntryWins() {
    RouteTransforms transforms =
        parse(
            "/api/v1/products remove-response-header X-Frame-Options",
            "* set-response-header X-Frame-Options DENY",
            "* set-response-header Referrer-Policy no-referrer");
    UpstreamClient.Headers products = answer(transforms.of("/api/v1/products"));
    assertThat(products.firstValue("X-Frame-Options")).isEmpty();
    assertThat(products.firstValue("Referrer-Policy")).contains("no-referrer");
    // A route with no entries of its own gets those for every route.
    UpstreamClient.Headers catalog = answer(transforms.of("/api/v0/catalog"));
    assertThat(catalog.firstValue("X-Frame-Options")).contains("DENY");
  }

  @Test
  void theResponseHeaderPolicyRemovesWhatSoftwareAnsweredFromEveryAnswer() {
    UpstreamClient.Headers headers = answer(parse().of("/api/v1/products"));
    assertThat(headers.firstValue("Server")).isEmpty();
    assertThat(headers.firstValue("x-powered-by")).isEmpty();
    assertThat(headers.firstValue("Content-Type")).contains("application/json");

    RouteTransforms none = RouteTransforms.parse(List.of(), List.of("none"), ROUTES);
    assertThat(answer(none.of("/")).firstValue("Server")).contains("Liberty");
  }

  private static UpstreamClient.Headers answer(RouteTransform transform) {
    UpstreamClient.Headers headers = new UpstreamClient.Headers();
    headers.add("Server", "Liberty");
    headers.add("X-Powered-By", "Servlet/6.0");
    headers.add("Content-Type", "application/json");
    headers.add("X-Frame-Options", "SAMEORIGIN");
    transform.answer(headers, "/api/v1/products");
    return headers;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v2/nothing set-request-header X-A 1 | names no route",
        "/api/v1/products set-request-header Host evil.example | Host is the gateway's to set",
        "/api/v1/products remove-request-header X-Forwarded-For | X-Forwarded-For is the gateway's",
        "* set-response-header X-Request-Id 1 | X-Request-Id is the gateway's to set",
        "/api/v1/products set-request-header Bad:Name 1 | 'Bad:Name' is not a header name",
        "/api/v1/products set-request-header X-A | needs a value",
        "/api/v1/products remove-request-header X-A extra | takes one argument",
        "/api/v1/products rename-header X-A | has no verb",
        "/api/v0/catalog rewrite-prefix /internal/products | rewrites into /internal",
        "/api/v0/catalog rewrite-prefix /INTERNAL | rewrites into /internal",
        "/api/v0/catalog rewrite-prefix api/v1 | does not rewrite to a prefix",
        "/api/v0/catalog rewrite-prefix /api/../internal | does not rewrite to a prefix",
        "* rewrite-prefix /api/v1/products | name one route other than /",
        "/ rewrite-prefix /api/v1/products | name one route other than /",
        "/api/v1/products | is not 'ROUTE VERB ARGUMENTS'",
      })
  void aMalformedOrDangerousEntryStopsTheGatewayNamingIt(String entry, String why) {
    assertThatThrownBy(() -> parse(entry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cleave.gateway.transforms")
        .hasMessageContaining(why);
  }

  @Test
  void aValueWithAControlCharacterIsRefused() {
    assertThatThrownBy(() -> parse("/api/v1/products set-response-header X-A a\u0000b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control character");
  }

  @Test
  void aPolicyNamingAHeaderTheGatewayOwnsIsRefused() {
    assertThatThrownBy(() -> RouteTransforms.parse(List.of(), List.of("Content-Length"), ROUTES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cleave.gateway.response-headers.remove");
  }
}
