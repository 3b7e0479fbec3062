package dev.cleave.gateway;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Refuses, with 401 and a {@code WWW-Authenticate} challenge (RFC 6750), a request that needs a
 * token and has no valid one, or that presents an invalid one anywhere ({@link
 * EdgeAuthentication}); such a request never reaches a service. Why it was refused is logged at
 * FINE, never the token.
 */
final class AuthenticationStep implements EdgeStep {

  /** The challenge of every 401, as the services send it. */
  static final String BEARER_CHALLENGE = "Bearer realm=\"cleave\"";

  private static final Logger LOG = Logger.getLogger(AuthenticationStep.class.getName());

  private final GatewayMetrics metrics;

  AuthenticationStep(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public boolean admit(EdgeExchange exchange) throws IOException {
    EdgeAuthentication.Decision access = exchange.access();
    if (access.passes()) {
      return true;
    }
    metrics.authRefused(exchange.routeName(), access.tokenPresented());
    LOG.fine(
        () ->
            "Refused "
                + exchange.method()
                + " "
                + exchange.path()
                + " ["
                + exchange.requestId()
                + "]: "
                + access.reason());
    exchange
        .response()
        .setHeader(
            "WWW-Authenticate",
            access.tokenPresented()
                ? BEARER_CHALLENGE + ", error=\"invalid_token\""
                : BEARER_CHALLENGE);
    exchange.refuse(
        401, "unauthorized", "Authentication required", "A valid bearer token is required.");
    return false;
  }
}
