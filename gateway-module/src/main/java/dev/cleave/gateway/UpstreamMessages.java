package dev.cleave.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two messages the gateway writes: the client's request as the upstream gets it, and the
 * upstream's answer as the client gets it. Which headers cross is {@link ForwardedHeaders}'s rule.
 */
final class UpstreamMessages {

  private UpstreamMessages() {}

  /**
   * The request as the upstream gets it: method, path and query as sent (the prefix rewritten if
   * the route says so), end-to-end headers as the route's transform leaves them, and the {@code
   * X-Forwarded-*} and {@code X-Request-Id} headers the gateway sets.
   */
  static UpstreamClient.Request upstreamRequest(EdgeExchange exchange, byte[] body) {
    HttpServletRequest request = exchange.request();
    String query = request.getQueryString();
    List<Map.Entry<String, String>> sent = new ArrayList<>(16);
    Set<String> named = ForwardedHeaders.namedByConnection(request.getHeader("Connection"));
    for (String name : Collections.list(request.getHeaderNames())) {
      if (ForwardedHeaders.forwardRequestHeader(name, named)) {
        for (String value : Collections.list(request.getHeaders(name))) {
          sent.add(Map.entry(name, value));
        }
      }
    }
    RouteTransform transform = exchange.transform();
    List<Map.Entry<String, String>> headers = new ArrayList<>(transform.requestHeaders(sent));
    headers.add(Map.entry("X-Forwarded-For", exchange.forwardedFor()));
    headers.add(Map.entry("X-Forwarded-Proto", request.getScheme()));
    String host = request.getHeader("Host");
    if (host != null && !host.isBlank()) {
      headers.add(Map.entry("X-Forwarded-Host", host));
    }
    headers.add(Map.entry("X-Request-Id", exchange.requestId()));
    return new UpstreamClient.Request(
        request.getMethod(),
        transform.upstreamPath(exchange.path(), exchange.route().prefix())
            + (query == null ? "" : "?" + query),
        headers,
        body);
  }

  /** Sends the upstream's answer to the client: status, end-to-end headers and body. */
  static void relay(UpstreamClient.Response answer, HttpServletResponse response)
      throws IOException {
    response.setStatus(answer.statusCode());
    for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
      if (ForwardedHeaders.forwardResponseHeader(header.getKey())) {
        for (String value : header.getValue()) {
          response.addHeader(header.getKey(), value);
        }
      }
    }
    answer.headers().firstValueAsLong("Content-Length").ifPresent(response::setContentLengthLong);
    try (InputStream body = answer.body()) {
      body.transferTo(response.getOutputStream());
    }
  }
}
