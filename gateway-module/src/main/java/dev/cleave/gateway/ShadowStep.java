package dev.cleave.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Copies the share of a route's idempotent requests its shadow names ({@link Releases.Shadow}) to
 * the shadow's upstream, in the background and alongside the real request, as the upstream would
 * get it (after the transforms: the last step in). The shadow's answer is read and dropped; its
 * outcome is counted ({@code answered}, {@code error} for a 5xx, {@code failed} for no answer,
 * {@code dropped} when shadows are already queued as many as the gateway keeps), so the client's
 * request never waits for or depends on it.
 */
final class ShadowStep implements EdgeStep, AutoCloseable {

  private static final Set<String> SHADOWED = Set.of("GET", "HEAD");

  private final Releases releases;
  private final Forwarder forwarder;
  private final GatewayMetrics metrics;
  private final Duration timeout;
  private final ThreadPoolExecutor shadows;

  ShadowStep(Releases releases, Forwarder forwarder, GatewayMetrics metrics, Duration timeout) {
    this.releases = releases;
    this.forwarder = forwarder;
    this.metrics = metrics;
    this.timeout = timeout;
    this.shadows =
        new ThreadPoolExecutor(
            2,
            2,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64),
            DaemonThreads.named("gateway-shadow"));
    shadows.allowCoreThreadTimeOut(true);
  }

  @Override
  public boolean admit(EdgeExchange exchange) {
    String route = exchange.routeName();
    Optional<Releases.Shadow> shadow = releases.shadowOf(route);
    if (!SHADOWED.contains(exchange.method())
        || shadow.isEmpty()
        || !shadow.get().picks(ThreadLocalRandom.current().nextInt(100))) {
      return true;
    }
    String upstream = shadow.get().upstream();
    RouteTable.Route target =
        new RouteTable.Route(route, upstream, releases.upstreams().get(upstream));
    UpstreamClient.Request copy = UpstreamMessages.upstreamRequest(exchange, new byte[0]);
    try {
      shadows.execute(() -> metrics.shadow(route, upstream, send(target, copy)));
    } catch (RejectedExecutionException e) {
      metrics.shadow(route, upstream, "dropped");
    }
    return true;
  }

  private String send(RouteTable.Route target, UpstreamClient.Request copy) {
    Forwarder.Attempt attempt;
    try {
      attempt = forwarder.send(target, copy, timeout, false);
    } catch (IllegalArgumentException e) {
      return "failed";
    }
    if (attempt.answer() == null) {
      return "failed";
    }
    try (UpstreamClient.Response answer = attempt.answer();
        InputStream body = answer.body()) {
      body.transferTo(OutputStream.nullOutputStream());
      return answer.statusCode() >= 500 ? "error" : "answered";
    } catch (IOException e) {
      return "failed";
    }
  }

  @Override
  public void close() {
    shadows.shutdownNow();
  }
}
