package dev.cleave.platform.https;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The filter on request and response fakes: what reaches the chain and what the client gets. */
class TransportSecurityFilterTest {

  private final AtomicBoolean chained = new AtomicBoolean();
  private final FilterChain chain = (request, response) -> chained.set(true);
  private final Map<String, String> headers = new HashMap<>();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private int status = 200;
  private String contentType;

  @Test
  void plainHttpIsRedirectedWithMethodKeepingStatusAndTheSameUrl() throws Exception {
    filter("on", "redirect")
        .doFilter(request(false, "/api/v1/products", "q=tea"), response(), chain);
    assertThat(chained).isFalse();
    assertThat(status).isEqualTo(308);
    assertThat(headers)
        .containsEntry("Location", "https://shop.example:8443/api/v1/products?q=tea")
        .doesNotContainKey("Strict-Transport-Security");
  }

  @Test
  void plainHttpIsRefusedWithAProblemWhenConfiguredSo() throws Exception {
    headers.put("X-Request-Id", "rid-1");
    filter("on", "refuse").doFilter(request(false, "/gateway/releases", null), response(), chain);
    assertThat(chained).isFalse();
    assertThat(status).isEqualTo(403);
    assertThat(contentType).isEqualTo("application/problem+json");
    assertThat(body.toString(StandardCharsets.UTF_8))
        .contains("\"type\":\"https://cleave.dev/problems/https-required\"")
        .contains("\"status\":403")
        .contains("on port 8443")
        .contains("\"instance\":\"/gateway/releases\"")
        .contains("\"requestId\":\"rid-1\"");
    assertThat(headers).containsEntry("X-Content-Type-Options", "nosniff");
  }

  @Test
  void healthProbesPassOverPlainHttpWithoutHsts() throws Exception {
    filter("on", "refuse").doFilter(request(false, "/health/ready", null), response(), chain);
    assertThat(chained).isTrue();
    assertThat(status).isEqualTo(200);
    assertThat(headers).doesNotContainKey("Strict-Transport-Security");
  }

  @Test
  void httpsPassesWithHsts() throws Exception {
    filter("on", "redirect").doFilter(request(true, "/api/v1/products", null), response(), chain);
    assertThat(chained).isTrue();
    assertThat(headers)
        .containsEntry("Strict-Transport-Security", "max-age=31536000")
        .containsEntry("X-Content-Type-Options", "nosniff");
  }

  @Test
  void offPassesPlainHttpWithOnlyTheNoSniffHeader() throws Exception {
    filter("off", "refuse").doFilter(request(false, "/api/v1/products", null), response(), chain);
    assertThat(chained).isTrue();
    assertThat(headers).containsExactlyEntriesOf(Map.of("X-Content-Type-Options", "nosniff"));
  }

  private static TransportSecurityFilter filter(String tls, String http) {
    TransportSecurityFilter filter = new TransportSecurityFilter();
    filter.use(TransportPolicy.parse(tls, 8443, http, null));
    return filter;
  }

  private static HttpServletRequest request(boolean secure, String uri, String query) {
    return fake(
        HttpServletRequest.class,
        (method, args) ->
            switch (method) {
              case "isSecure" -> secure;
              case "getRequestURI" -> uri;
              case "getQueryString" -> query;
              case "getContextPath" -> "";
              case "getServerName" -> "shop.example";
              default -> throw new UnsupportedOperationException(method);
            });
  }

  private HttpServletResponse response() {
    ServletOutputStream out =
        new ServletOutputStream() {
          @Override
          public void write(int b) {
            body.write(b);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {}
        };
    return fake(
        HttpServletResponse.class,
        (method, args) ->
            switch (method) {
              case "setStatus" -> {
                status = (Integer) args[0];
                yield null;
              }
              case "setHeader" -> {
                headers.put((String) args[0], (String) args[1]);
                yield null;
              }
              case "getHeader" -> headers.get((String) args[0]);
              case "setContentType" -> {
                contentType = (String) args[0];
                yield null;
              }
              case "setContentLength" -> null;
              case "getOutputStream" -> out;
              default -> throw new UnsupportedOperationException(method);
            });
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T fake(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> answer.answer(method.getName(), args)));
  }
}
