package dev.cleave.storefront;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every storefront file is served with (ADR 13). The Content-Security-Policy admits
 * scripts, styles, images and requests from this origin only: no inline script or style, no {@code
 * eval}, no plug-ins, no {@code <base>}, forms posting only here, and no framing by any page
 * ({@code frame-ancestors 'none'}, with {@code X-Frame-Options: DENY} for older browsers).
 */
final class PageHeaders {

  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "connect-src 'self'",
          "manifest-src 'self'",
          "base-uri 'none'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  static final Map<String, String> HEADERS = headers();

  private PageHeaders() {}

  private static Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Referrer-Policy", "same-origin");
    headers.put("Cross-Origin-Opener-Policy", "same-origin");
    headers.put("Cross-Origin-Resource-Policy", "same-origin");
    headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    return Map.copyOf(headers);
  }

  static void apply(HttpServletResponse response) {
    HEADERS.forEach(response::setHeader);
  }
}
