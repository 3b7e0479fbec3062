package dev.cleave.gateway;

import java.io.IOException;
import java.util.Collections;
import java.util.Optional;

/**
 * The first step: a malformed path (encoded slashes, dot segments, ...; {@link
 * RouteTable#violation}) gets 400 and a header section over {@code cleave.gateway.max-header-bytes}
 * gets 431, before any other step reads them. The body's limit is checked where the body is read
 * ({@link Forwarder}).
 */
final class RequestLimitsStep implements EdgeStep {

  private final int maxHeaderBytes;

  RequestLimitsStep(int maxHeaderBytes) {
    this.maxHeaderBytes = maxHeaderBytes;
  }

  @Override
  public boolean admit(EdgeExchange exchange) throws IOException {
    Optional<String> violation = RouteTable.violation(exchange.path());
    if (violation.isPresent()) {
      // No instance: the path itself is what cannot be echoed.
      GatewayProblems.write(
          exchange.response(),
          400,
          "bad-request",
          "Bad request",
          violation.get() + ".",
          null,
          exchange.requestId());
      return false;
    }
    if (headerBytes(exchange) > maxHeaderBytes) {
      exchange.refuse(
          431,
          "request-header-fields-too-large",
          "Request header fields too large",
          "The request headers exceed " + maxHeaderBytes + " bytes.");
      return false;
    }
    return true;
  }

  /** Bytes of the request's header section, as sent (name, ": ", value, CRLF per field). */
  private static long headerBytes(EdgeExchange exchange) {
    long bytes = 0;
    for (String name : Collections.list(exchange.request().getHeaderNames())) {
      for (String value : Collections.list(exchange.request().getHeaders(name))) {
        bytes += name.length() + value.length() + 4;
      }
    }
    return bytes;
  }
}
