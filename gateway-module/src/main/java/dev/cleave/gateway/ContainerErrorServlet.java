package dev.cleave.gateway;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gateway's answer to errors that the servlet container raises itself, before any of the
 * gateway's servlets sees the request (an encoded {@code /} or {@code \} in the path, a URI the
 * container cannot decode, an exception escaping a servlet): a problem document, never Liberty's
 * HTML page with a stack trace. {@code WEB-INF/web.xml} sends every such error here. The types and
 * titles are the services' own (the monolith answers these requests alike).
 */
public class ContainerErrorServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

  private record Kind(String slug, String title, String detail) {}

  private static final Map<Integer, Kind> KINDS =
      Map.of(
          400,
              new Kind(
                  "bad-request", "Bad request", "The request URI or headers cannot be processed."),
          404, new Kind("not-found", "Not found", "No resource exists at this path."),
          405,
              new Kind(
                  "method-not-allowed",
                  "Method not allowed",
                  "This path does not support the method."),
          413, new Kind("payload-too-large", "Payload too large", "The request body is too large."),
          414, new Kind("uri-too-long", "URI too long", "The request URI is too long."),
          431,
              new Kind(
                  "headers-too-large",
                  "Request header fields too large",
                  "The request headers are too large."),
          500,
              new Kind(
                  "internal-error",
                  "Internal server error",
                  "The gateway could not complete the request. Quote the request id when reporting"
                      + " this."),
          503,
              new Kind(
                  "unavailable",
                  "Service unavailable",
                  "The gateway cannot serve the request now; try again shortly."));

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
    Kind kind = KINDS.getOrDefault(status, status >= 500 ? KINDS.get(500) : KINDS.get(400));
    String requestId = response.getHeader("X-Request-Id");
    if (requestId == null) {
      requestId = ForwardedHeaders.requestId(request.getHeader("X-Request-Id"));
      response.setHeader("X-Request-Id", requestId);
    }
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (failure instanceof Throwable t && status >= 500) {
      LOG.log(Level.SEVERE, "Unhandled error [requestId=" + requestId + "]", t);
    }
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    // Not the raw URI: it is what the container refused, and the client sent it anyway.
    GatewayProblems.write(
        response, status, kind.slug(), kind.title(), kind.detail(), null, requestId);
  }
}
