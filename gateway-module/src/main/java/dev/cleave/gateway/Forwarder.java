package dev.cleave.gateway;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The end of the {@link EdgePipeline}: reads the request's body (413 over {@code
 * cleave.gateway.max-body-bytes}), sends the request to its route's upstream and relays the answer.
 * The instances of an upstream are tried in the balancer's order ({@link UpstreamPool}), at most
 * {@value #MAX_ATTEMPTS}; each failure counts for passive health and the metrics. The next instance
 * is tried always when the connection could not be made (nothing reached the instance), and after a
 * reset or timeout only when the request may be repeated: an idempotent method, or a POST with an
 * {@code Idempotency-Key} (the services deduplicate it). When no instance answers, 503 with {@code
 * Retry-After}; a request HTTP/1.1 cannot carry (raw non-ASCII in the query) gets 400.
 */
final class Forwarder implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Forwarder.class.getName());

  /** At most this many instances are tried for one request. */
  static final int MAX_ATTEMPTS = 3;

  private static final Set<String> IDEMPOTENT_METHODS =
      Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

  private final GatewayConfig config;
  private final GatewayMetrics metrics;
  private final UpstreamClient client;
  private final Map<String, UpstreamPool> pools;
  private final UpstreamDiscovery discovery;

  Forwarder(GatewayConfig config, GatewayMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
    // Idle connections are dropped after 15 s, before Liberty's 30 s keep-alive timeout closes
    // them.
    // The hand-written client, not HttpClient 5: ADR 11.
    this.client =
        new SocketUpstreamClient(
            Duration.ofSeconds(1), Duration.ofSeconds(15), 64, System::nanoTime);
    Map<String, List<URI>> upstreams = new LinkedHashMap<>(config.routes().upstreams());
    upstreams.putAll(config.releases().upstreams());
    Map<String, UpstreamPool> byName = new LinkedHashMap<>();
    upstreams.forEach(
        (name, instances) ->
            byName.put(
                name,
                new UpstreamPool(
                    name, instances, config.ejectAfter(), config.coolDown(), System::nanoTime)));
    this.pools = Map.copyOf(byName);
    this.discovery = new UpstreamDiscovery(pools.values(), config.dnsRefresh());
  }

  /** The upstreams' instance pools by upstream name (the health servlet reports them). */
  Map<String, UpstreamPool> pools() {
    return pools;
  }

  /**
   * Sends the exchange's request to its route's upstream and returns the answer, which the caller
   * must close; or answers the client itself (413, 400, 503) and returns null.
   */
  UpstreamClient.Response forward(EdgeExchange exchange) throws IOException {
    byte[] body = readBody(exchange.request());
    if (body == null) {
      exchange.refuse(
          413,
          "payload-too-large",
          "Payload too large",
          "The request body exceeds " + config.maxBodyBytes() + " bytes.");
      return null;
    }
    HttpServletRequest request = exchange.request();
    boolean repeatable =
        IDEMPOTENT_METHODS.contains(request.getMethod())
            || request.getHeader("Idempotency-Key") != null;
    Attempt attempt;
    try {
      attempt =
          send(
              exchange.route(),
              UpstreamMessages.upstreamRequest(exchange, body),
              config.upstreamTimeout(),
              repeatable);
    } catch (IllegalArgumentException e) {
      exchange.refuse(
          400,
          "bad-request",
          "Bad request",
          "The request cannot be forwarded: " + e.getMessage() + ".");
      return null;
    }
    if (attempt.answer() == null && !exchange.response().isCommitted()) {
      exchange.response().setHeader("Retry-After", "5");
      exchange.refuse(
          503,
          "upstream-unavailable",
          "Service unavailable",
          "The "
              + exchange.route().upstream()
              + " service "
              + switch (attempt.failure()) {
                case "timeout" ->
                    "did not answer within " + config.upstreamTimeout().toSeconds() + " s";
                case "reset" -> "closed the connection";
                default -> "is not reachable";
              }
              + "; try again shortly.");
    }
    return attempt.answer();
  }

  /** What a health probe of one instance found: the answer's status, and its body when 200. */
  record Probe(String status, String readyBody) {}

  /**
   * What a GET of one instance found: the answer's status and body, or ({@code code} 0) the kind of
   * failure that left no answer.
   */
  record Fetched(int code, String status, String body) {
    boolean answered() {
      return code > 0;
    }
  }

  /**
   * Asks one instance for its {@code /health/ready} with the forwarding client, so health sees each
   * instance as forwarding reaches it (the same address, pool and TLS rules).
   */
  Probe probe(UpstreamPool.Instance instance, Duration timeout) {
    Fetched ready = fetch(instance, "/health/ready", "application/json", timeout);
    return new Probe(ready.status(), ready.code() == 200 ? ready.body() : null);
  }

  /** GETs a path of one instance, as {@link #probe} does its readiness. */
  Fetched fetch(UpstreamPool.Instance instance, String path, String accept, Duration timeout) {
    UpstreamClient.Request get =
        new UpstreamClient.Request("GET", path, List.of(Map.entry("Accept", accept)), new byte[0]);
    try (UpstreamClient.Response answer =
        client.send(instance.baseUri(), instance.address(), get, timeout)) {
      return new Fetched(answer.statusCode(), "HTTP " + answer.statusCode(), answer.bodyText());
    } catch (IOException | IllegalArgumentException e) {
      return new Fetched(0, e.getClass().getSimpleName(), null);
    }
  }

  /** What sending to a route's instances gave: an answer, or the kind of the last failure. */
  record Attempt(UpstreamClient.Response answer, String failure) {}

  /**
   * Sends a request to the instances of the route's upstream in the balancer's order, as the class
   * comment says.
   *
   * @throws IllegalArgumentException when the request cannot be written as HTTP/1.1
   */
  Attempt send(
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
        UpstreamClient.Response answer =
            client.send(instance.baseUri(), instance.address(), upstream, timeout);
        pool.succeeded(instance);
        return new Attempt(answer, null);
      } catch (ConnectException e) {
        kind = "refused";
        tryNext = true;
      } catch (SocketTimeoutException e) {
        kind = "timeout";
        tryNext = repeatable;
      } catch (IOException e) {
        LOG.log(Level.FINE, "upstream " + route.upstream() + " at " + instance + " failed", e);
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
                    + instance
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
    return new Attempt(null, kind);
  }

  @Override
  public void close() {
    discovery.close();
    client.close();
  }

  /** The body, or null when it is over the limit (declared or sent). */
  private byte[] readBody(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > config.maxBodyBytes()) {
      return null;
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(config.maxBodyBytes() + 1);
      return body.length > config.maxBodyBytes() ? null : body;
    }
  }
}
