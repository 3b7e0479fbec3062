package dev.cleave.gateway;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Applies the {@link RateLimits}: every answer under a policy carries {@code RateLimit-Policy} and
 * {@code RateLimit}; a caller over its quota gets 429 with {@code Retry-After}. The caller is the
 * token's subject, else the client address. It runs before the token is refused, so a client
 * guessing tokens is limited like any other.
 */
final class RateLimitStep implements EdgeStep {

  private final RateLimits limits;
  private final GatewayMetrics metrics;

  RateLimitStep(RateLimits limits, GatewayMetrics metrics) {
    this.limits = limits;
    this.metrics = metrics;
  }

  @Override
  public boolean admit(EdgeExchange exchange) throws IOException {
    String caller =
        exchange
            .access()
            .subject()
            .map(subject -> "sub:" + subject)
            .orElseGet(() -> "addr:" + exchange.clientAddress());
    RateLimits.Decision limit = limits.take(exchange.method(), exchange.path(), caller);
    if (limit.policy() == null) {
      return true;
    }
    HttpServletResponse response = exchange.response();
    response.setHeader("RateLimit-Policy", limit.policy().policyHeader());
    response.setHeader("RateLimit", limit.rateLimitHeader());
    if (limit.allowed()) {
      return true;
    }
    metrics.rateLimited(exchange.routeName(), limit.policy().name());
    response.setHeader("Retry-After", Long.toString(Math.max(1, limit.take().secondsUntilNext())));
    exchange.refuse(
        429,
        "too-many-requests",
        "Too many requests",
        "Rate limit '"
            + limit.policy().name()
            + "' ("
            + limit.policy().quota()
            + " per "
            + limit.policy().window().toSeconds()
            + " s) reached; try again after the Retry-After delay.");
    return false;
  }
}
