package dev.cleave.gateway;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Applies the {@link CorsPolicy}: answers a preflight itself (204 with the allowed methods and
 * headers, or 403), and adds the CORS headers to every other answer.
 */
final class CorsStep implements EdgeStep {

  private final CorsPolicy cors;

  CorsStep(CorsPolicy cors) {
    this.cors = cors;
  }

  @Override
  public boolean admit(EdgeExchange exchange) throws IOException {
    HttpServletRequest request = exchange.request();
    String origin = request.getHeader("Origin");
    String method = request.getHeader("Access-Control-Request-Method");
    if (!CorsPolicy.isPreflight(request.getMethod(), origin, method)) {
      cors.actual(origin).forEach(exchange.response()::setHeader);
      return true;
    }
    CorsPolicy.Preflight preflight =
        cors.preflight(origin, method, request.getHeader("Access-Control-Request-Headers"));
    if (!preflight.allowed()) {
      exchange.refuse(
          403,
          "cors-refused",
          "Cross-origin request refused",
          "The gateway's CORS policy refuses this preflight: " + preflight.reason() + ".");
      return false;
    }
    preflight.headers().forEach(exchange.response()::setHeader);
    exchange.response().setStatus(204);
    return false;
  }
}
