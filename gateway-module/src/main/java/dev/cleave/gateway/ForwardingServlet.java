package dev.cleave.gateway;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The gateway's job: check a request at the edge, forward it to the upstream its path is routed to,
 * and the answer back. A request without a valid bearer token where one is needed, or with an
 * invalid one anywhere, gets 401 here and never reaches a service ({@link EdgeAuthentication}).
 * Method, path, query, body and the end-to-end headers go through; hop-by-hop headers stay; {@code
 * X-Forwarded-*} and {@code X-Request-Id} are set by the gateway. A path that is not routed gets
 * 404, a malformed one 400, a body over the limit 413, and an upstream that is down or too slow 503
 * with {@code Retry-After}, all as {@code application/problem+json}.
 */
@WebServlet(urlPatterns = "/", loadOnStartup = 1)
public class ForwardingServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ForwardingServlet.class.getName());

  /** The challenge of every 401, as the services send it (RFC 6750). */
  static final String BEARER_CHALLENGE = "Bearer realm=\"cleave\"";

  /**
   * Request attribute: the route a request took, for the metrics ({@code rejected}, {@code
   * unrouted} or a prefix).
   */
  private static final String ROUTE = ForwardingServlet.class.getName() + ".route";

  private transient GatewayConfig config;
  private transient UpstreamClient client;
  private transient GatewayMetrics metrics;
  private transient Map<String, UpstreamPool> pools;

  /** Threads that fetch the parts of composite views (each waits on one upstream call). */
  private transient ExecutorService aggregation;

  @Override
  public void init() throws ServletException {
    try {
      config = GatewayConfig.from(ConfigProvider.getConfig());
    } catch (IllegalArgumentException e) {
      throw new ServletException("Gateway misconfigured: " + e.getMessage(), e);
    }
    // Idle connections are dropped after 15 s, before Liberty's 30 s keep-alive timeout closes
    // them.
    client =
        new UpstreamClient(Duration.ofSeconds(1), Duration.ofSeconds(15), 64, System::nanoTime);
    pools = new LinkedHashMap<>();
    config
        .routes()
        .upstreams()
        .forEach(
            (name, instances) ->
                pools.put(
                    name,
                    new UpstreamPool(
                        name,
                        instances,
                        config.ejectAfter(),
                        config.coolDown(),
                        System::nanoTime)));
    getServletContext().setAttribute(UpstreamPool.class.getName(), Map.copyOf(pools));
    aggregation =
        Executors.newFixedThreadPool(
            8,
            task -> {
              Thread thread = new Thread(task, "gateway-aggregation");
              thread.setDaemon(true);
              return thread;
            });
    metrics = new GatewayMetrics();
    getServletContext().setAttribute(GatewayMetrics.class.getName(), metrics);
    LOG.info(() -> "Gateway routes to " + config.routes().upstreams());
  }

  @Override
  public void destroy() {
    if (aggregation != null) {
      aggregation.shutdownNow();
    }
    if (client != null) {
      client.close();
    }
  }

  GatewayConfig config() {
    return config;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long start = System.nanoTime();
    request.setAttribute(ROUTE, "rejected");
    try {
      handle(request, response);
    } finally {
      metrics.request(
          (String) request.getAttribute(ROUTE), response.getStatus(), System.nanoTime() - start);
    }
  }

  private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String requestId = ForwardedHeaders.requestId(request.getHeader("X-Request-Id"));
    response.setHeader("X-Request-Id", requestId);
    String path = request.getRequestURI();
    Optional<String> violation = RouteTable.violation(path);
    if (violation.isPresent()) {
      GatewayProblems.write(
          response, 400, "bad-request", "Bad request", violation.get() + ".", null, requestId);
      return;
    }
    if (headerBytes(request) > config.maxHeaderBytes()) {
      GatewayProblems.write(
          response,
          431,
          "request-header-fields-too-large",
          "Request header fields too large",
          "The request headers exceed " + config.maxHeaderBytes() + " bytes.",
          path,
          requestId);
      return;
    }
    Optional<RouteTable.Route> route = config.routes().match(path);
    if (route.isEmpty()) {
      request.setAttribute(ROUTE, "unrouted");
      GatewayProblems.write(
          response,
          404,
          "not-found",
          "Not found",
          "No resource exists at this path.",
          path,
          requestId);
      return;
    }
    String routeName = route.get().prefix();
    request.setAttribute(ROUTE, routeName);
    String origin = request.getHeader("Origin");
    if (CorsPolicy.isPreflight(
        request.getMethod(), origin, request.getHeader("Access-Control-Request-Method"))) {
      CorsPolicy.Preflight preflight =
          config
              .cors()
              .preflight(
                  origin,
                  request.getHeader("Access-Control-Request-Method"),
                  request.getHeader("Access-Control-Request-Headers"));
      if (!preflight.allowed()) {
        GatewayProblems.write(
            response,
            403,
            "cors-refused",
            "Cross-origin request refused",
            "The gateway's CORS policy refuses this preflight: " + preflight.reason() + ".",
            path,
            requestId);
        return;
      }
      preflight.headers().forEach(response::setHeader);
      response.setStatus(204);
      return;
    }
    config.cors().actual(origin).forEach(response::setHeader);
    EdgeAuthentication.Decision access =
        config
            .authentication()
            .decide(
                request.getMethod(),
                path,
                Collections.list(request.getHeaders("Authorization")),
                Instant.now());
    // Refused requests count too: a client guessing tokens is limited like any other.
    RateLimits.Decision limit =
        config
            .rateLimits()
            .take(
                request.getMethod(),
                path,
                access
                    .subject()
                    .map(subject -> "sub:" + subject)
                    .orElseGet(
                        () ->
                            "addr:"
                                + ForwardedHeaders.clientAddress(
                                    request.getRemoteAddr(),
                                    request.getHeader("X-Forwarded-For"),
                                    config.trustedProxies())));
    if (limit.policy() != null) {
      response.setHeader("RateLimit-Policy", limit.policy().policyHeader());
      response.setHeader("RateLimit", limit.rateLimitHeader());
    }
    if (!limit.allowed()) {
      metrics.rateLimited(routeName, limit.policy().name());
      response.setHeader(
          "Retry-After", Long.toString(Math.max(1, limit.take().secondsUntilNext())));
      GatewayProblems.write(
          response,
          429,
          "too-many-requests",
          "Too many requests",
          "Rate limit '"
              + limit.policy().name()
              + "' ("
              + limit.policy().quota()
              + " per "
              + limit.policy().window().toSeconds()
              + " s) reached; try again after the Retry-After delay.",
          path,
          requestId);
      return;
    }
    if (!access.passes()) {
      metrics.authRefused(routeName, access.tokenPresented());
      LOG.fine(
          () ->
              "Refused "
                  + request.getMethod()
                  + " "
                  + path
                  + " ["
                  + requestId
                  + "]: "
                  + access.reason());
      response.setHeader(
          "WWW-Authenticate",
          access.tokenPresented()
              ? BEARER_CHALLENGE + ", error=\"invalid_token\""
              : BEARER_CHALLENGE);
      GatewayProblems.write(
          response,
          401,
          "unauthorized",
          "Authentication required",
          "A valid bearer token is required.",
          path,
          requestId);
      return;
    }
    Optional<String> detailsOf =
        request.getMethod().equals("GET") ? OrderDetailsView.orderId(path) : Optional.empty();
    if (detailsOf.isPresent()) {
      orderDetails(detailsOf.get(), request, response, path, requestId);
      return;
    }
    ResponseCache cache = config.cache();
    String cacheKey = null;
    if (request.getMethod().equals("GET") && cache.covers(routeName)) {
      cacheKey =
          ResponseCache.key(
              routeName,
              access.subject().map(subject -> "sub:" + subject).orElse("public"),
              request.getHeader("Accept"),
              path,
              request.getQueryString());
      Optional<ResponseCache.Entry> hit =
          wantsFresh(request) ? Optional.empty() : cache.get(cacheKey);
      metrics.cache(routeName, hit.isPresent() ? "hit" : "miss");
      if (hit.isPresent()) {
        replay(hit.get(), request, response, "HIT", cache.now());
        return;
      }
    }
    byte[] body = readBody(request);
    if (body == null) {
      GatewayProblems.write(
          response,
          413,
          "payload-too-large",
          "Payload too large",
          "The request body exceeds " + config.maxBodyBytes() + " bytes.",
          path,
          requestId);
      return;
    }
    UpstreamClient.Response answer = send(request, route.get(), path, body, requestId, response);
    if (answer == null) {
      return;
    }
    if (!SAFE_METHODS.contains(request.getMethod())
        && cache.covers(routeName)
        && answer.statusCode() / 100 == 2) {
      metrics.cachePurged(routeName, cache.purge());
    }
    if (cacheKey != null
        && answer.statusCode() == 200
        && keep(answer, cacheKey, request, response)) {
      return;
    }
    relay(answer, response);
  }

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> IDEMPOTENT_METHODS =
      Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

  /** At most this many instances are tried for one request. */
  private static final int MAX_ATTEMPTS = 3;

  /**
   * Sends the request to the route's upstream and returns its answer; when no instance could
   * answer, answers 503 itself (or 400 when the request cannot be written as HTTP/1.1, such as raw
   * non-ASCII in the query) and returns null. Only idempotent requests, or a POST with an {@code
   * Idempotency-Key} (the services deduplicate it), go to another instance after a reset or timeout
   * ({@link #exchange}).
   */
  private UpstreamClient.Response send(
      HttpServletRequest request,
      RouteTable.Route route,
      String path,
      byte[] body,
      String requestId,
      HttpServletResponse response)
      throws IOException {
    boolean repeatable =
        IDEMPOTENT_METHODS.contains(request.getMethod())
            || request.getHeader("Idempotency-Key") != null;
    Exchange exchange;
    try {
      exchange =
          exchange(
              route,
              upstreamRequest(request, path, body, requestId),
              config.upstreamTimeout(),
              repeatable);
    } catch (IllegalArgumentException e) {
      GatewayProblems.write(
          response,
          400,
          "bad-request",
          "Bad request",
          "The request cannot be forwarded: " + e.getMessage() + ".",
          path,
          requestId);
      return null;
    }
    if (exchange.answer() == null) {
      unavailable(
          response,
          route,
          switch (exchange.failure()) {
            case "timeout" ->
                "did not answer within " + config.upstreamTimeout().toSeconds() + " s";
            case "reset" -> "closed the connection";
            default -> "is not reachable";
          },
          path,
          requestId);
    }
    return exchange.answer();
  }

  /** What sending to a route's instances gave: an answer, or the kind of the last failure. */
  private record Exchange(UpstreamClient.Response answer, String failure) {}

  /**
   * Sends a request to the instances of the route's upstream in the balancer's order (at most
   * {@value #MAX_ATTEMPTS}), recording each failure for passive health and the metrics. The next
   * instance is tried always when the connection could not be made (nothing reached the instance),
   * and after a reset or timeout only when the request is {@code repeatable}.
   */
  private Exchange exchange(
      RouteTable.Route route,
      UpstreamClient.Request upstream,
      Duration timeout,
      boolean repeatable) {
    UpstreamPool pool = pools.get(route.upstream());
    List<UpstreamPool.Instance> candidates = pool.order();
    String kind = "refused";
    for (int attempt = 0; attempt < Math.min(MAX_ATTEMPTS, candidates.size()); attempt++) {
      UpstreamPool.Instance instance = candidates.get(attempt);
      boolean tryNext;
      try {
        UpstreamClient.Response answer = client.send(instance.baseUri(), upstream, timeout);
        pool.succeeded(instance);
        return new Exchange(answer, null);
      } catch (ConnectException e) {
        kind = "refused";
        tryNext = true;
      } catch (SocketTimeoutException e) {
        kind = "timeout";
        tryNext = repeatable;
      } catch (IOException e) {
        LOG.log(
            Level.FINE,
            "upstream " + route.upstream() + " at " + instance.baseUri() + " failed",
            e);
        kind = "reset";
        tryNext = repeatable;
      }
      metrics.upstreamError(route.prefix(), route.upstream(), kind);
      if (pool.failed(instance)) {
        LOG.warning(
            () ->
                "Upstream "
                    + route.upstream()
                    + " instance "
                    + instance.baseUri()
                    + " ejected for "
                    + config.coolDown()
                    + " after "
                    + config.ejectAfter()
                    + " failures in a row");
      }
      if (!tryNext) {
        break;
      }
    }
    return new Exchange(null, kind);
  }

  /**
   * A client's {@code Cache-Control: no-cache} (or {@code max-age=0}) asks for an answer from the
   * service.
   */
  private static boolean wantsFresh(HttpServletRequest request) {
    String control = request.getHeader("Cache-Control");
    return control != null && (control.contains("no-cache") || control.contains("max-age=0"));
  }

  /**
   * Keeps the answer if the service allows it and it is small enough, and sends it to the client;
   * returns false (having sent nothing) when it may not be kept.
   */
  private boolean keep(
      UpstreamClient.Response answer,
      String cacheKey,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    ResponseCache cache = config.cache();
    Optional<Duration> ttl =
        cache.freshness(answer.headers().firstValue("Cache-Control").orElse(null));
    if (ttl.isEmpty()
        || answer.headers().firstValue("Set-Cookie").isPresent()
        || answer.headers().allValues("Vary").stream()
            .flatMap(v -> Arrays.stream(v.split(",")))
            .map(h -> h.strip().toLowerCase(Locale.ROOT))
            .anyMatch(h -> !h.isEmpty() && !KEYED.contains(h))) {
      return false;
    }
    byte[] body;
    try (InputStream in = answer.body()) {
      body = in.readNBytes(cache.maxEntryBytes() + 1);
      if (body.length > cache.maxEntryBytes()) {
        byte[] rest = in.readAllBytes();
        byte[] whole = Arrays.copyOf(body, body.length + rest.length);
        System.arraycopy(rest, 0, whole, body.length, rest.length);
        body = whole;
      }
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (ForwardedHeaders.forwardResponseHeader(name) && !CACHE_SETS.contains(name)) {
        header.getValue().forEach(value -> headers.add(Map.entry(header.getKey(), value)));
      }
    }
    String etag = answer.headers().firstValue("ETag").orElseGet(() -> null);
    if (etag == null) {
      etag = ResponseCache.etagOf(body);
    }
    ResponseCache.Entry entry =
        body.length > cache.maxEntryBytes()
            ? new ResponseCache.Entry(headers, body, etag, 0, 0)
            : cache.put(cacheKey, headers, body, etag, ttl.get());
    replay(
        entry,
        request,
        response,
        body.length > cache.maxEntryBytes() ? "BYPASS" : "MISS",
        cache.now());
    return true;
  }

  /** Request headers the cache key already holds, so an answer that varies on them may be kept. */
  private static final Set<String> KEYED = Set.of("accept", "authorization", "origin");

  /** Headers the cache sets itself when it answers. */
  private static final Set<String> CACHE_SETS = Set.of("etag", "age", "date", "x-cache");

  private static void replay(
      ResponseCache.Entry entry,
      HttpServletRequest request,
      HttpServletResponse response,
      String cacheStatus,
      long now)
      throws IOException {
    entry.headers().forEach(header -> response.addHeader(header.getKey(), header.getValue()));
    response.setHeader("ETag", entry.etag());
    response.setHeader("X-Cache", cacheStatus);
    if (cacheStatus.equals("HIT")) {
      response.setHeader("Age", Long.toString(entry.ageSeconds(now)));
    }
    if (ResponseCache.matches(request.getHeader("If-None-Match"), entry.etag())) {
      response.setStatus(304);
      return;
    }
    response.setStatus(200);
    response.setContentLength(entry.body().length);
    response.getOutputStream().write(entry.body());
  }

  /**
   * Answers the composite view {@link OrderDetailsView}, its parts fetched in parallel with the
   * caller's credentials.
   */
  private void orderDetails(
      String orderId,
      HttpServletRequest request,
      HttpServletResponse response,
      String path,
      String requestId)
      throws IOException {
    String authorization = request.getHeader("Authorization");
    String forwardedFor =
        ForwardedHeaders.forwardedFor(
            request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), config.trustedProxies());
    OrderDetailsView.Part view =
        OrderDetailsView.build(
            orderId,
            part ->
                CompletableFuture.supplyAsync(
                    () -> fetch(part, authorization, forwardedFor, requestId), aggregation));
    if (view.status().isEmpty()) {
      response.setHeader("Retry-After", "5");
      GatewayProblems.write(
          response,
          503,
          "upstream-unavailable",
          "Service unavailable",
          "The order service did not answer; try again shortly.",
          path,
          requestId);
      return;
    }
    byte[] body = view.body().getBytes(StandardCharsets.UTF_8);
    response.setStatus(view.status().get());
    response.setContentType(
        view.status().get() == 200 ? "application/json" : GatewayProblems.MEDIA_TYPE);
    response.setHeader("Cache-Control", "private, no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** One part of a composite view: a GET through the route table, to the instances in turn. */
  private OrderDetailsView.Part fetch(
      String path, String authorization, String forwardedFor, String requestId) {
    Optional<RouteTable.Route> route = config.routes().match(path);
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
    Exchange exchange;
    try {
      exchange = exchange(route.get(), get, config.aggregationTimeout(), true);
    } catch (IllegalArgumentException e) {
      // A path built from an upstream's answer that HTTP/1.1 cannot carry: that part is missing.
      return OrderDetailsView.Part.noAnswer();
    }
    if (exchange.answer() == null) {
      return OrderDetailsView.Part.noAnswer();
    }
    try (UpstreamClient.Response answer = exchange.answer()) {
      return new OrderDetailsView.Part(Optional.of(answer.statusCode()), answer.bodyText());
    } catch (IOException e) {
      metrics.upstreamError(route.get().prefix(), route.get().upstream(), "reset");
      return OrderDetailsView.Part.noAnswer();
    }
  }

  /** Bytes of the request's header section, as sent (name, ": ", value, CRLF per field). */
  private static long headerBytes(HttpServletRequest request) {
    long bytes = 0;
    for (String name : Collections.list(request.getHeaderNames())) {
      for (String value : Collections.list(request.getHeaders(name))) {
        bytes += name.length() + value.length() + 4;
      }
    }
    return bytes;
  }

  private byte[] readBody(HttpServletRequest request) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > config.maxBodyBytes()) {
      return null;
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(config.maxBodyBytes() + 1);
      return body.length > config.maxBodyBytes() ? null : body;
    }
  }

  private UpstreamClient.Request upstreamRequest(
      HttpServletRequest request, String path, byte[] body, String requestId) {
    String query = request.getQueryString();
    List<Map.Entry<String, String>> headers = new ArrayList<>(16);
    Set<String> named = ForwardedHeaders.namedByConnection(request.getHeader("Connection"));
    for (String name : Collections.list(request.getHeaderNames())) {
      if (ForwardedHeaders.forwardRequestHeader(name, named)) {
        for (String value : Collections.list(request.getHeaders(name))) {
          headers.add(Map.entry(name, value));
        }
      }
    }
    headers.add(
        Map.entry(
            "X-Forwarded-For",
            ForwardedHeaders.forwardedFor(
                request.getRemoteAddr(),
                request.getHeader("X-Forwarded-For"),
                config.trustedProxies())));
    headers.add(Map.entry("X-Forwarded-Proto", request.getScheme()));
    String host = request.getHeader("Host");
    if (host != null && !host.isBlank()) {
      headers.add(Map.entry("X-Forwarded-Host", host));
    }
    headers.add(Map.entry("X-Request-Id", requestId));
    return new UpstreamClient.Request(
        request.getMethod(), path + (query == null ? "" : "?" + query), headers, body);
  }

  private static void relay(UpstreamClient.Response answer, HttpServletResponse response)
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

  private static void unavailable(
      HttpServletResponse response,
      RouteTable.Route route,
      String what,
      String path,
      String requestId)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.setHeader("Retry-After", "5");
    GatewayProblems.write(
        response,
        503,
        "upstream-unavailable",
        "Service unavailable",
        "The " + route.upstream() + " service " + what + "; try again shortly.",
        path,
        requestId);
  }
}
