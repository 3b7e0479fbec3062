package dev.cleave.gateway;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Answers the composite view {@link OrderDetailsView} ({@code GET /api/v1/orders/{id}/details})
 * itself: its parts are fetched in parallel through the route table, each with the caller's own
 * token, on a small pool of threads that each wait on one upstream call. Every other request goes
 * on.
 */
final class OrderDetailsStep implements EdgeStep, AutoCloseable {

  private final RouteTable routes;
  private final Forwarder forwarder;
  private final GatewayMetrics metrics;
  private final Duration timeout;
  private final ExecutorService fetches;

  OrderDetailsStep(
      RouteTable routes, Forwarder forwarder, GatewayMetrics metrics, Duration timeout) {
    this.routes = routes;
    this.forwarder = forwarder;
    this.metrics = metrics;
    this.timeout = timeout;
    this.fetches = Executors.newFixedThreadPool(8, DaemonThreads.named("gateway-aggregation"));
  }

  @Override
  public boolean admit(EdgeExchange exchange) throws IOException {
    Optional<String> orderId =
        exchange.method().equals("GET")
            ? OrderDetailsView.orderId(exchange.path())
            : Optional.empty();
    if (orderId.isEmpty()) {
      return true;
    }
    // Worked out here, on the request's thread, and handed to the fetches.
    String authorization = exchange.request().getHeader("Authorization");
    String forwardedFor = exchange.forwardedFor();
    String requestId = exchange.requestId();
    OrderDetailsView.Part view =
        OrderDetailsView.build(
            orderId.get(),
            part ->
                CompletableFuture.supplyAsync(
                    () -> fetch(part, authorization, forwardedFor, requestId), fetches));
    if (view.status().isEmpty()) {
      exchange.response().setHeader("Retry-After", "5");
      exchange.refuse(
          503,
          "upstream-unavailable",
          "Service unavailable",
          "The order service did not answer; try again shortly.");
      return false;
    }
    byte[] body = view.body().getBytes(StandardCharsets.UTF_8);
    HttpServletResponse response = exchange.response();
    response.setStatus(view.status().get());
    response.setContentType(
        view.status().get() == 200 ? "application/json" : GatewayProblems.MEDIA_TYPE);
    response.setHeader("Cache-Control", "private, no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    return false;
  }

  @Override
  public void close() {
    fetches.shutdownNow();
  }

  /** One part of the view: a GET through the route table, to the instances in turn. */
  private OrderDetailsView.Part fetch(
      String path, String authorization, String forwardedFor, String requestId) {
    Optional<RouteTable.Route> route = routes.match(path);
    if (route.isEmpty()) {
      return OrderDetailsView.Part.noAnswer();
    }
    List<Map.Entry<String, String>> headers =
        new ArrayList<>(
            List.of(
                Map.entry("Accept", "application/json"),
                Map.entry("X-Request-Id", requestId),
                Map.entry("X-Forwarded-For", forwardedFor)));
    if (authorization != null) {
      headers.add(Map.entry("Authorization", authorization));
    }
    UpstreamClient.Request get = new UpstreamClient.Request("GET", path, headers, new byte[0]);
    Forwarder.Attempt attempt;
    try {
      attempt = forwarder.send(route.get(), get, timeout, true);
    } catch (IllegalArgumentException e) {
      // A path built from an upstream's answer that HTTP/1.1 cannot carry: that part is missing.
      return OrderDetailsView.Part.noAnswer();
    }
    if (attempt.answer() == null) {
      return OrderDetailsView.Part.noAnswer();
    }
    try (UpstreamClient.Response answer = attempt.answer()) {
      return new OrderDetailsView.Part(Optional.of(answer.statusCode()), answer.bodyText());
    } catch (IOException e) {
      metrics.upstreamError(route.get().prefix(), route.get().upstream(), "reset");
      return OrderDetailsView.Part.noAnswer();
    }
  }
}
