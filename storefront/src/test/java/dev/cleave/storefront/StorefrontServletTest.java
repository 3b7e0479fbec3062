package dev.cleave.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The servlet on request and response fakes: which file each storefront URL gets, and how. */
class StorefrontServletTest {

  private final StorefrontServlet servlet = StorefrontServlet.standalone();
  private final Map<String, String> headers = new HashMap<>();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private int status = 200;
  private int error;
  private String contentType;

  @Test
  void theShopsUrlsAllAnswerWithThePage() throws Exception {
    for (String[] url : new String[][] {{"", "/"}, {"/products", "/42"}, {"/products", "/x"}}) {
      body.reset();
      servlet.doGet(request(url[0], url[1], null), response());
      assertThat(status).isEqualTo(200);
      assertThat(contentType).isEqualTo("text/html;charset=UTF-8");
      assertThat(body.toString(StandardCharsets.UTF_8)).startsWith("<!doctype html>");
    }
  }

  @Test
  void everyFileCarriesTheBrowserAppHeaders() throws Exception {
    servlet.doGet(request("/assets", "/app.js", null), response());
    assertThat(status).isEqualTo(200);
    assertThat(contentType).isEqualTo("text/javascript;charset=UTF-8");
    assertThat(headers)
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsEntry("X-Frame-Options", "DENY")
        .containsEntry("Referrer-Policy", "same-origin")
        .containsEntry("Cache-Control", "no-cache")
        .containsKey("ETag");
    assertThat(headers.get("Content-Security-Policy"))
        .contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval", "*");
  }

  @Test
  void anUnchangedFileIsNotSentAgain() throws Exception {
    servlet.doGet(request("/assets", "/style.css", null), response());
    String etag = headers.get("ETag");
    body.reset();
    servlet.doGet(request("/assets", "/style.css", etag), response());
    assertThat(status).isEqualTo(304);
    assertThat(body.size()).isZero();
  }

  @Test
  void headAnswersWithoutABody() throws Exception {
    servlet.doHead(request("", "/", null), response());
    assertThat(status).isEqualTo(200);
    assertThat(body.size()).isZero();
  }

  @Test
  void aNameThatIsNoFileOfTheSiteIsANotFoundForTheErrorPage() throws Exception {
    for (String pathInfo : new String[] {"/missing.js", "/../index.html", "/", "/a/b.js"}) {
      error = 0;
      servlet.doGet(request("/assets", pathInfo, null), response());
      assertThat(error).as(pathInfo).isEqualTo(404);
    }
    error = 0;
    servlet.doGet(request("/assets", null, null), response());
    assertThat(error).isEqualTo(404);
    assertThat(body.size()).isZero();
  }

  private static HttpServletRequest request(
      String servletPath, String pathInfo, String ifNoneMatch) {
    return fake(
        HttpServletRequest.class,
        (method, args) ->
            switch (method) {
              case "getServletPath" -> servletPath;
              case "getPathInfo" -> pathInfo;
              case "getHeader" -> "If-None-Match".equals(args[0]) ? ifNoneMatch : null;
              default -> throw new UnsupportedOperationException(method);
            });
  }

  private HttpServletResponse response() {
    ServletOutputStream out =
        new ServletOutputStream() {
          @Override
          public void write(int b) {
            body.write(b);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {}
        };
    status = 200;
    headers.clear();
    return fake(
        HttpServletResponse.class,
        (method, args) ->
            switch (method) {
              case "setStatus" -> {
                status = (Integer) args[0];
                yield null;
              }
              case "sendError" -> {
                error = (Integer) args[0];
                yield null;
              }
              case "setHeader" -> {
                headers.put((String) args[0], (String) args[1]);
                yield null;
              }
              case "setContentType" -> {
                contentType = (String) args[0];
                yield null;
              }
              case "setContentLength" -> null;
              case "getOutputStream" -> out;
              default -> throw new UnsupportedOperationException(method);
            });
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T fake(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> answer.answer(method.getName(), args)));
  }
}
