package dev.cleave.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Assigns every request its id before anything else runs (registered first in this jar's {@code
 * web-fragment.xml}, for normal and error dispatches).
 */
public class RequestIdFilter extends HttpFilter {

  static final String ATTRIBUTE = RequestIds.class.getName();

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Object known = request.getAttribute(ATTRIBUTE);
    String id =
        known instanceof String s
            ? s
            : RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(RequestIds.HEADER, id);
    String previous = RequestIds.current();
    RequestIds.set(id);
    try {
      chain.doFilter(request, response);
    } finally {
      if (previous == null) {
        RequestIds.clear();
      } else {
        RequestIds.set(previous);
      }
    }
  }
}
