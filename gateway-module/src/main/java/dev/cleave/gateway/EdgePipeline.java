package dev.cleave.gateway;

import java.io.IOException;
import java.util.List;

/**
 * The gateway's edge duties, in the one order they apply. A request goes through the steps in this
 * order until one answers it; if none does, the {@link Forwarder} sends it to its upstream, and the
 * answer comes back through the steps in the reverse order (the cache keeps a copy) before it is
 * relayed.
 *
 * <ol>
 *   <li>{@link RequestLimitsStep}: a malformed path 400, a header section over the limit 431;
 *   <li>{@link IpRulesStep}: an address an allow or deny list refuses 403, before anything else
 *       about the request is looked at;
 *   <li>{@link RouteStep}: the route is found first, so every later refusal is counted under it,
 *       and a path no route covers is 404 whoever asks;
 *   <li>{@link CorsStep}: preflights answered, CORS headers on every answer;
 *   <li>{@link RateLimitStep}: before authentication refuses, so that guessing tokens is limited
 *       like any other traffic;
 *   <li>{@link AuthenticationStep}: 401 for a missing or invalid token;
 *   <li>{@link ReleaseStep}: the candidate upstream for the callers in a release's share;
 *   <li>{@link OrderDetailsStep}: the composite view, fetched with the caller's token;
 *   <li>{@link CacheStep}: a fresh copy answered, a new one kept on the way back;
 *   <li>{@link TransformStep}: the route's header and prefix changes, the last in and so the first
 *       back (the cache keeps the changed answer);
 *   <li>{@link ShadowStep}: a copy of the request, as the upstream gets it, to a shadow upstream;
 *   <li>then forwarding: the body's 413, the upstream's answer or 503.
 * </ol>
 *
 * A new duty is one {@link EdgeStep} and one line in {@link #of}.
 */
final class EdgePipeline implements AutoCloseable {

  private final List<EdgeStep> steps;
  private final Forwarder forwarder;

  EdgePipeline(List<EdgeStep> steps, Forwarder forwarder) {
    this.steps = List.copyOf(steps);
    this.forwarder = forwarder;
  }

  /** The gateway's pipeline for its configuration. */
  static EdgePipeline of(GatewayConfig config, GatewayMetrics metrics) {
    Forwarder forwarder = new Forwarder(config, metrics);
    return new EdgePipeline(
        List.of(
            new RequestLimitsStep(config.maxHeaderBytes()),
            new IpRulesStep(config.ipRules(), metrics),
            new RouteStep(config.routes()),
            new CorsStep(config.cors()),
            new RateLimitStep(config.rateLimits(), metrics),
            new AuthenticationStep(metrics),
            new ReleaseStep(config.releases(), metrics),
            new OrderDetailsStep(config.routes(), forwarder, metrics, config.aggregationTimeout()),
            new CacheStep(config.cache(), metrics),
            new TransformStep(config.transforms()),
            new ShadowStep(config.releases(), forwarder, metrics, config.upstreamTimeout())),
        forwarder);
  }

  List<EdgeStep> steps() {
    return steps;
  }

  Forwarder forwarder() {
    return forwarder;
  }

  /** Takes one request through the steps and, if none answers it, to its upstream and back. */
  void handle(EdgeExchange exchange) throws IOException {
    for (EdgeStep step : steps) {
      if (!step.admit(exchange)) {
        return;
      }
    }
    UpstreamClient.Response answer = forwarder.forward(exchange);
    if (answer == null) {
      return;
    }
    try (answer) {
      for (int i = steps.size() - 1; i >= 0; i--) {
        if (steps.get(i).answered(exchange, answer)) {
          return;
        }
      }
      UpstreamMessages.relay(answer, exchange.response());
    }
  }

  @Override
  public void close() {
    for (EdgeStep step : steps) {
      if (step instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          // Closing at shutdown: nothing more to do.
        }
      }
    }
    forwarder.close();
  }
}
