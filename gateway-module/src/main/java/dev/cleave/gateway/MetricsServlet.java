package dev.cleave.gateway;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics}: the gateway's {@link GatewayMetrics} for Prometheus, to the addresses the
 * {@link IpRules} let reach the path {@code /metrics} (403 for the others).
 */
@WebServlet(urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    GatewayConfig config =
        (GatewayConfig) getServletContext().getAttribute(GatewayConfig.class.getName());
    if (config != null && config.addressRefusal(request, "/metrics").isPresent()) {
      String requestId = ForwardedHeaders.requestId(request.getHeader("X-Request-Id"));
      response.setHeader("X-Request-Id", requestId);
      GatewayProblems.write(
          response,
          403,
          "address-refused",
          "Forbidden",
          GatewayProblems.ADDRESS_REFUSED,
          "/metrics",
          requestId);
      return;
    }
    GatewayMetrics metrics =
        (GatewayMetrics) getServletContext().getAttribute(GatewayMetrics.class.getName());
    byte[] body = (metrics == null ? "" : metrics.scrape()).getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/plain; version=0.0.4; charset=utf-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
