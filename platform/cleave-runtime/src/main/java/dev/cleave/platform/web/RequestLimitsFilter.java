package dev.cleave.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;

/**
 * The request sizes every Cleave server accepts, refused with a problem before any resource runs
 * (registered right after {@link RequestIdFilter} in this jar's {@code web-fragment.xml}): a
 * request target (path and query) over {@value #MAX_TARGET_CHARS} characters → 414, header fields
 * over {@value #MAX_HEADER_BYTES} bytes in all → 431 (the gateway's limit too), a declared body
 * over {@value #MAX_BODY_BYTES} bytes → 413. No Cleave request comes near any of them.
 *
 * <p>Below them sit the HTTP channel's own limits, which Liberty enforces before any application
 * code and answers with a body-less 400: one field (the request line, or one header) over 32,768
 * bytes ({@code httpOptions limitFieldSize}, default 32,768). See docs/problems.md.
 */
public class RequestLimitsFilter extends HttpFilter {

  public static final int MAX_TARGET_CHARS = 8_192;
  public static final int MAX_HEADER_BYTES = 16_384;
  public static final long MAX_BODY_BYTES = 1_048_576;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String query = request.getQueryString();
    int target = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
    if (target > MAX_TARGET_CHARS) {
      response.sendError(414);
    } else if (headerBytes(request) > MAX_HEADER_BYTES) {
      response.sendError(431);
    } else if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      response.sendError(413);
    } else {
      chain.doFilter(request, response);
    }
  }

  /** Bytes of the header section as sent: each field's name, ": ", value and CRLF. */
  static long headerBytes(HttpServletRequest request) {
    long bytes = 0;
    for (String name : Collections.list(request.getHeaderNames())) {
      for (String value : Collections.list(request.getHeaders(name))) {
        bytes += name.length() + 2 + value.length() + 2;
      }
    }
    return bytes;
  }
}
