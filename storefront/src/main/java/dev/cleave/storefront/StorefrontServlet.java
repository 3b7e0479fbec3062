package dev.cleave.storefront;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves the storefront (mapped in this jar's {@code web-fragment.xml}): the page for the shop's
 * own URLs ({@code /}, {@code /products/...}), which the page's scripts then draw, and its assets
 * under {@code /assets/}. Files are revalidated on every use ({@code no-cache} with an entity tag:
 * there is no build step that would give them versioned names). A name that is not a file of the
 * site is a 404, answered as a problem by the deployable's error page like any other 404.
 */
public class StorefrontServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String ASSETS = "/assets";

  private transient SiteFiles files;

  @Override
  public void init() {
    files = new SiteFiles(StorefrontServlet.class.getClassLoader());
    files.page();
  }

  /** Only GET and HEAD: anything else is a 405 naming them (a problem, by the error page). */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String method = request.getMethod();
    if ("GET".equals(method) || "HEAD".equals(method)) {
      super.service(request, response);
      return;
    }
    response.setHeader("Allow", "GET, HEAD");
    response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    serve(request, response, true);
  }

  @Override
  protected void doHead(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    serve(request, response, false);
  }

  private void serve(HttpServletRequest request, HttpServletResponse response, boolean withBody)
      throws IOException {
    Optional<SiteFile> file = resolve(request.getServletPath(), request.getPathInfo());
    if (file.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    SiteFile found = file.get();
    PageHeaders.apply(response);
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("ETag", found.etag());
    if (found.matches(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(found.contentType());
    response.setContentLength(found.length());
    if (withBody) {
      found.writeTo(response.getOutputStream());
    }
  }

  /** The file a storefront URL answers with, if any. */
  Optional<SiteFile> resolve(String servletPath, String pathInfo) {
    if (ASSETS.equals(servletPath)) {
      return pathInfo == null ? Optional.empty() : files.asset(pathInfo.substring(1));
    }
    return Optional.of(files.page());
  }

  /** For tests: a servlet reading the site from this class loader without a container. */
  static StorefrontServlet standalone() {
    StorefrontServlet servlet = new StorefrontServlet();
    servlet.init();
    return servlet;
  }
}
