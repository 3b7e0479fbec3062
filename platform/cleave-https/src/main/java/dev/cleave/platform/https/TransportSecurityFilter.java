package dev.cleave.platform.https;

import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Applies the {@link TransportPolicy} to every request: plain HTTP redirected (308, so that the
 * method and body are kept) or refused with a 403 problem when TLS is on, and HSTS on every HTTPS
 * answer. A setting that is not one of its values stops the application at start-up. Every answer,
 * refused or served, also carries {@code X-Content-Type-Options: nosniff}, so that no browser reads
 * an API answer as anything but its declared type (the storefront's pages add their own headers).
 */
public class TransportSecurityFilter extends HttpFilter {

  static final String NO_SNIFF = "X-Content-Type-Options";

  static final String PROBLEM_TYPE = "https://cleave.dev/problems/https-required";

  private transient TransportPolicy policy = TransportPolicy.off();

  @Override
  public void init() throws ServletException {
    Config config = ConfigProvider.getConfig();
    try {
      policy =
          TransportPolicy.parse(
              config.getOptionalValue("cleave.tls", String.class).orElse(null),
              config.getOptionalValue("cleave.https.port", Integer.class).orElse(null),
              config.getOptionalValue("cleave.tls.http", String.class).orElse(null),
              config.getOptionalValue("cleave.tls.hsts", String.class).orElse(null));
    } catch (IllegalArgumentException e) {
      throw new ServletException("TLS settings: " + e.getMessage(), e);
    }
  }

  /** For tests: the policy this filter applies. */
  void use(TransportPolicy policy) {
    this.policy = policy;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader(NO_SNIFF, "nosniff");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    switch (policy.decide(request.isSecure(), path)) {
      case REDIRECT -> {
        response.setStatus(308);
        response.setHeader(
            "Location",
            policy.httpsLocation(
                request.getServerName(), request.getRequestURI(), request.getQueryString()));
        response.setContentLength(0);
      }
      case REFUSE -> refuse(request, response);
      case PASS -> {
        Optional<String> hsts = policy.hstsFor(request.isSecure());
        if (hsts.isPresent()) {
          response.setHeader("Strict-Transport-Security", hsts.get());
        }
        chain.doFilter(request, response);
      }
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var problem =
        Json.createObjectBuilder()
            .add("type", PROBLEM_TYPE)
            .add("title", "HTTPS required")
            .add("status", 403)
            .add(
                "detail",
                "This server takes requests over HTTPS only, on port " + policy.httpsPort() + ".")
            .add("instance", request.getRequestURI());
    String requestId = response.getHeader("X-Request-Id");
    if (requestId != null) {
      problem.add("requestId", requestId);
    }
    byte[] body = problem.build().toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(403);
    response.setContentType("application/problem+json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
