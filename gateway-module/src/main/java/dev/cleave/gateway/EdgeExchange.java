package dev.cleave.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * One request on its way through the {@link EdgePipeline}: the servlet's request and response, and
 * what the steps learn about it, each worked out once (the request id, the route, the client
 * address, the token decision) and shared by the steps that need it.
 */
final class EdgeExchange {

  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final Set<String> trustedProxies;
  private final EdgeAuthentication authentication;
  private final String requestId;
  private RouteTable.Route route;
  private String routeName = "rejected";
  private String clientAddress;
  private String forwardedFor;
  private EdgeAuthentication.Decision access;
  private String cacheKey;
  private RouteTransform transform = RouteTransform.NONE;

  /**
   * @param trustedProxies the addresses whose {@code X-Forwarded-For} is kept
   * @param authentication the edge's token rules
   */
  EdgeExchange(
      HttpServletRequest request,
      HttpServletResponse response,
      Set<String> trustedProxies,
      EdgeAuthentication authentication) {
    this.request = request;
    this.response = response;
    this.trustedProxies = trustedProxies;
    this.authentication = authentication;
    this.requestId = ForwardedHeaders.requestId(request.getHeader("X-Request-Id"));
    response.setHeader("X-Request-Id", requestId);
  }

  HttpServletRequest request() {
    return request;
  }

  HttpServletResponse response() {
    return response;
  }

  String method() {
    return request.getMethod();
  }

  /** The request's path, as sent (not decoded). */
  String path() {
    return request.getRequestURI();
  }

  String requestId() {
    return requestId;
  }

  /**
   * The route the request matched; set by {@link RouteStep}, which runs before any step using it.
   */
  RouteTable.Route route() {
    return route;
  }

  void routeTo(RouteTable.Route matched) {
    this.route = matched;
    this.routeName = matched.prefix();
  }

  /**
   * The route the request took, for the metrics: its prefix, {@code unrouted}, or {@code rejected}
   * when a step refused it before routing.
   */
  String routeName() {
    return routeName;
  }

  void unrouted() {
    this.routeName = "unrouted";
  }

  /** The caller's address, as the trusted-proxy rules derive it ({@link ForwardedHeaders}). */
  String clientAddress() {
    if (clientAddress == null) {
      clientAddress =
          ForwardedHeaders.clientAddress(
              request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies);
    }
    return clientAddress;
  }

  /** The {@code X-Forwarded-For} the upstreams get. */
  String forwardedFor() {
    if (forwardedFor == null) {
      forwardedFor =
          ForwardedHeaders.forwardedFor(
              request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies);
    }
    return forwardedFor;
  }

  /**
   * The edge's decision on the request's token, taken on first use ({@link EdgeAuthentication}).
   */
  EdgeAuthentication.Decision access() {
    if (access == null) {
      access =
          authentication.decide(
              request.getMethod(),
              path(),
              Collections.list(request.getHeaders("Authorization")),
              Instant.now());
    }
    return access;
  }

  /** The key of a cacheable request's answer, or empty; set by {@link CacheStep}. */
  Optional<String> cacheKey() {
    return Optional.ofNullable(cacheKey);
  }

  void cacheAs(String key) {
    this.cacheKey = key;
  }

  /** What the gateway changes in the request and its answer; set by {@link TransformStep}. */
  RouteTransform transform() {
    return transform;
  }

  void transformWith(RouteTransform changes) {
    this.transform = changes;
  }

  /** Answers with a problem detail whose instance is the request's path. */
  void refuse(int status, String slug, String title, String detail) throws IOException {
    GatewayProblems.write(response, status, slug, title, detail, path(), requestId);
  }
}
