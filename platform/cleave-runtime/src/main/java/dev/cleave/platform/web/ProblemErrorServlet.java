package dev.cleave.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Error page for errors that the servlet container raises outside JAX-RS (a rejected bearer token,
 * an unknown path outside the application, an exception escaping a filter), so that those responses
 * are {@code application/problem+json} too. Declared for every status in {@code web-fragment.xml}.
 */
public class ProblemErrorServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(ProblemErrorServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object requestUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = requestUri instanceof String s ? s : request.getRequestURI();
    if (failure instanceof Throwable t) {
      // A URI the container refused (encoded '/', '%00', ...) is the client's error, not the
      // server's.
      LOG.log(
          status >= 500 ? Level.SEVERE : Level.FINE,
          "Unhandled error [requestId=" + RequestIds.current() + "]",
          t);
    }
    ProblemDetail problem = Problems.forStatus(status).at(path, RequestIds.current());
    if (!response.isCommitted()) {
      response.resetBuffer();
      response.setStatus(status);
      response.setContentType(ProblemDetail.MEDIA_TYPE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(Problems.toJson(problem));
    }
  }
}
