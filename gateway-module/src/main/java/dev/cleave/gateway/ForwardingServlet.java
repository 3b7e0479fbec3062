package dev.cleave.gateway;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The gateway's job: check a request at the edge, forward it to the upstream its path is routed to,
 * and the answer back. A request without a valid bearer token where one is needed, or with an invalid
 * one anywhere, gets 401 here and never reaches a service ({@link EdgeAuthentication}). Method, path, query, body and the end-to-end headers go through; hop-by-hop
 * headers stay; {@code X-Forwarded-*} and {@code X-Request-Id} are set by the gateway. A path that is
 * not routed gets 404, a malformed one 400, a body over the limit 413, and an upstream that is down
 * or too slow 503 with {@code Retry-After}, all as {@code application/problem+json}.
 */
@WebServlet(urlPatterns = "/", loadOnStartup = 1)
public class ForwardingServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ForwardingServlet.class.getName());
  /** The challenge of every 401, as the services send it (RFC 6750). */
  static final String BEARER_CHALLENGE = "Bearer realm=\"cleave\"";

  /** Request attribute: the route a request took, for the metrics ({@code rejected}, {@code unrouted} or a prefix). */
  private static final String ROUTE = ForwardingServlet.class.getName() + ".route";

  private transient GatewaySettings settings;
  private transient HttpClient client;
  private transient GatewayMetrics metrics;

  @Override
  public void init() throws ServletException {
    try {
      settings = GatewaySettings.from(ConfigProvider.getConfig());
    } catch (IllegalArgumentException e) {
      throw new ServletException("Gateway misconfigured: " + e.getMessage(), e);
    }
    client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    metrics = new GatewayMetrics();
    getServletContext().setAttribute(GatewayMetrics.class.getName(), metrics);
    LOG.info(() -> "Gateway routes to " + settings.routes().upstreams());
  }

  GatewaySettings settings() {
    return settings;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    long start = System.nanoTime();
    request.setAttribute(ROUTE, "rejected");
    try {
      handle(request, response);
    } finally {
      metrics.request((String) request.getAttribute(ROUTE), response.getStatus(), System.nanoTime() - start);
    }
  }

  private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String requestId = ForwardedHeaders.requestId(request.getHeader("X-Request-Id"));
    response.setHeader("X-Request-Id", requestId);
    String path = request.getRequestURI();
    Optional<String> violation = RouteTable.violation(path);
    if (violation.isPresent()) {
      GatewayProblems.write(response, 400, "bad-request", "Bad request", violation.get() + ".", null, requestId);
      return;
    }
    if (headerBytes(request) > settings.maxHeaderBytes()) {
      GatewayProblems.write(response, 431, "request-header-fields-too-large", "Request header fields too large",
          "The request headers exceed " + settings.maxHeaderBytes() + " bytes.", path, requestId);
      return;
    }
    Optional<RouteTable.Route> route = settings.routes().match(path);
    if (route.isEmpty()) {
      request.setAttribute(ROUTE, "unrouted");
      GatewayProblems.write(response, 404, "not-found", "Not found", "No resource exists at this path.", path,
          requestId);
      return;
    }
    String routeName = route.get().prefix();
    request.setAttribute(ROUTE, routeName);
    String origin = request.getHeader("Origin");
    if (CorsPolicy.isPreflight(request.getMethod(), origin, request.getHeader("Access-Control-Request-Method"))) {
      CorsPolicy.Preflight preflight = settings.cors().preflight(origin,
          request.getHeader("Access-Control-Request-Method"), request.getHeader("Access-Control-Request-Headers"));
      if (!preflight.allowed()) {
        GatewayProblems.write(response, 403, "cors-refused", "Cross-origin request refused",
            "The gateway's CORS policy refuses this preflight: " + preflight.reason() + ".", path, requestId);
        return;
      }
      preflight.headers().forEach(response::setHeader);
      response.setStatus(204);
      return;
    }
    settings.cors().actual(origin).forEach(response::setHeader);
    EdgeAuthentication.Decision access = settings.authentication().decide(request.getMethod(), path,
        Collections.list(request.getHeaders("Authorization")), Instant.now());
    // Refused requests count too: a client guessing tokens is limited like any other.
    RateLimits.Decision limit = settings.rateLimits().take(request.getMethod(), path, access.subject()
        .map(subject -> "sub:" + subject)
        .orElseGet(() -> "addr:" + ForwardedHeaders.clientAddress(request.getRemoteAddr(),
            request.getHeader("X-Forwarded-For"), settings.trustedProxies())));
    if (limit.policy() != null) {
      response.setHeader("RateLimit-Policy", limit.policy().policyHeader());
      response.setHeader("RateLimit", limit.rateLimitHeader());
    }
    if (!limit.allowed()) {
      metrics.rateLimited(routeName, limit.policy().name());
      response.setHeader("Retry-After", Long.toString(Math.max(1, limit.take().secondsUntilNext())));
      GatewayProblems.write(response, 429, "too-many-requests", "Too many requests",
          "Rate limit '" + limit.policy().name() + "' (" + limit.policy().quota() + " per "
              + limit.policy().window().toSeconds() + " s) reached; try again after the Retry-After delay.",
          path, requestId);
      return;
    }
    if (!access.passes()) {
      metrics.authRefused(routeName, access.tokenPresented());
      LOG.fine(() -> "Refused " + request.getMethod() + " " + path + " [" + requestId + "]: " + access.reason());
      response.setHeader("WWW-Authenticate", access.tokenPresented()
          ? BEARER_CHALLENGE + ", error=\"invalid_token\"" : BEARER_CHALLENGE);
      GatewayProblems.write(response, 401, "unauthorized", "Authentication required",
          "A valid bearer token is required.", path, requestId);
      return;
    }
    byte[] body = readBody(request);
    if (body == null) {
      GatewayProblems.write(response, 413, "payload-too-large", "Payload too large",
          "The request body exceeds " + settings.maxBodyBytes() + " bytes.", path, requestId);
      return;
    }
    HttpRequest upstream = upstreamRequest(request, route.get().baseUri(), path, body, requestId);
    HttpResponse<InputStream> answer;
    try {
      answer = client.send(upstream, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      unavailable(response, route.get(), "timeout",
          "did not answer within " + settings.upstreamTimeout().toSeconds() + " s", path, requestId);
      return;
    } catch (ConnectException e) {
      unavailable(response, route.get(), "refused", "is not reachable", path, requestId);
      return;
    } catch (IOException e) {
      LOG.log(Level.FINE, "upstream " + route.get().upstream() + " failed", e);
      unavailable(response, route.get(), "reset", "closed the connection", path, requestId);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable(response, route.get(), "interrupted", "was not waited for", path, requestId);
      return;
    }
    relay(answer, response);
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
    if (declared > settings.maxBodyBytes()) {
      return null;
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(settings.maxBodyBytes() + 1);
      return body.length > settings.maxBodyBytes() ? null : body;
    }
  }

  private HttpRequest upstreamRequest(HttpServletRequest request, URI base, String path, byte[] body,
      String requestId) {
    String query = request.getQueryString();
    URI target = URI.create(base + path + (query == null ? "" : "?" + query));
    HttpRequest.BodyPublisher publisher = body.length == 0 ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body);
    HttpRequest.Builder builder = HttpRequest.newBuilder(target)
        .timeout(settings.upstreamTimeout())
        .method(request.getMethod(), publisher);
    Set<String> named = ForwardedHeaders.namedByConnection(request.getHeader("Connection"));
    for (String name : Collections.list(request.getHeaderNames())) {
      if (ForwardedHeaders.forwardRequestHeader(name, named)) {
        for (String value : Collections.list(request.getHeaders(name))) {
          builder.header(name, value);
        }
      }
    }
    builder.header("X-Forwarded-For", ForwardedHeaders.forwardedFor(request.getRemoteAddr(),
        request.getHeader("X-Forwarded-For"), settings.trustedProxies()));
    builder.header("X-Forwarded-Proto", request.getScheme());
    String host = request.getHeader("Host");
    if (host != null && !host.isBlank()) {
      builder.header("X-Forwarded-Host", host);
    }
    builder.header("X-Request-Id", requestId);
    return builder.build();
  }

  private static void relay(HttpResponse<InputStream> answer, HttpServletResponse response) throws IOException {
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

  private void unavailable(HttpServletResponse response, RouteTable.Route route, String kind, String what,
      String path, String requestId) throws IOException {
    metrics.upstreamError(route.prefix(), route.upstream(), kind);
    if (response.isCommitted()) {
      return;
    }
    response.setHeader("Retry-After", "5");
    GatewayProblems.write(response, 503, "upstream-unavailable", "Service unavailable",
        "The " + route.upstream() + " service " + what + "; try again shortly.", path, requestId);
  }
}
