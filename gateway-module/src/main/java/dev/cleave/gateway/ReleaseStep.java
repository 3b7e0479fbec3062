package dev.cleave.gateway;

import java.util.Optional;

/**
 * Sends a route's request to its release's candidate upstream when the caller falls in the
 * candidate's share, or asked for it ({@link Releases}); counted per route and version. After
 * authentication, since the caller is the token's subject when there is one.
 */
final class ReleaseStep implements EdgeStep {

  private final Releases releases;
  private final GatewayMetrics metrics;

  ReleaseStep(Releases releases, GatewayMetrics metrics) {
    this.releases = releases;
    this.metrics = metrics;
  }

  @Override
  public boolean admit(EdgeExchange exchange) {
    RouteTable.Route route = exchange.route();
    Optional<Releases.Release> release = releases.of(route.prefix());
    if (release.isEmpty()) {
      return true;
    }
    String caller =
        exchange
            .access()
            .subject()
            .map(subject -> "sub:" + subject)
            .orElseGet(() -> "addr:" + exchange.clientAddress());
    boolean candidate =
        release.get().picksCandidate(caller, exchange.request().getHeader(Releases.OVERRIDE));
    if (candidate) {
      String upstream = release.get().candidate();
      exchange.routeTo(
          new RouteTable.Route(route.prefix(), upstream, releases.upstreams().get(upstream)));
    }
    metrics.release(route.prefix(), candidate ? "candidate" : "stable");
    return true;
  }
}
