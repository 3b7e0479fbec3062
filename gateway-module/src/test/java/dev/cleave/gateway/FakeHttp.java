package dev.cleave.gateway;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A servlet request and response for the edge steps' unit tests: just the methods the gateway
 * calls, the rest refused, so a step that starts to depend on something else fails its test.
 */
final class FakeHttp {

  private FakeHttp() {}

  /** A request as a client sends it to the gateway. */
  static final class Request {
    private final String method;
    private final String uri;
    private String query;
    private String pathInfo;
    private String remoteAddr = "10.0.0.7";
    private byte[] body = new byte[0];
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    Request(String method, String uri) {
      this.method = method;
      this.uri = uri;
    }

    Request header(String name, String value) {
      headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
      return this;
    }

    Request query(String value) {
      this.query = value;
      return this;
    }

    Request pathInfo(String value) {
      this.pathInfo = value;
      return this;
    }

    Request from(String address) {
      this.remoteAddr = address;
      return this;
    }

    Request body(String text) {
      this.body = text.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    HttpServletRequest servlet() {
      return (HttpServletRequest)
          Proxy.newProxyInstance(
              FakeHttp.class.getClassLoader(),
              new Class<?>[] {HttpServletRequest.class},
              (proxy, called, args) ->
                  switch (called.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getQueryString" -> query;
                    case "getPathInfo" -> pathInfo;
                    case "getRemoteAddr" -> remoteAddr;
                    case "getScheme" -> "http";
                    case "getContentLengthLong" -> (long) body.length;
                    case "getHeader" -> {
                      List<String> values = headers.get(lower(args[0]));
                      yield values == null ? null : values.get(0);
                    }
                    case "getHeaders" ->
                        Collections.enumeration(headers.getOrDefault(lower(args[0]), List.of()));
                    case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                    case "getInputStream" -> input(body);
                    case "toString" -> method + " " + uri;
                    default -> throw new UnsupportedOperationException(called.getName());
                  });
    }

    private static String lower(Object name) {
      return ((String) name).toLowerCase(Locale.ROOT);
    }
  }

  /** What a step sent back: status, headers and body. */
  static final class Response {
    private int status = 200;
    private String contentType;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final HttpServletResponse servlet =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, called, args) -> {
                  switch (called.getName()) {
                    case "setStatus" -> status = (Integer) args[0];
                    case "getStatus" -> {
                      return status;
                    }
                    case "setContentType" -> contentType = (String) args[0];
                    case "setContentLength", "setContentLengthLong" -> {}
                    case "setHeader" -> {
                      List<String> one = new ArrayList<>();
                      one.add((String) args[1]);
                      headers.put(((String) args[0]).toLowerCase(Locale.ROOT), one);
                    }
                    case "addHeader" ->
                        headers
                            .computeIfAbsent(
                                ((String) args[0]).toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                            .add((String) args[1]);
                    case "isCommitted" -> {
                      return body.size() > 0;
                    }
                    case "getOutputStream" -> {
                      return output(body);
                    }
                    default -> throw new UnsupportedOperationException(called.getName());
                  }
                  return null;
                });

    HttpServletResponse servlet() {
      return servlet;
    }

    int status() {
      return status;
    }

    String contentType() {
      return contentType;
    }

    /** The header's first value, or null. */
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }

    String body() {
      return body.toString(StandardCharsets.UTF_8);
    }
  }

  private static ServletInputStream input(byte[] body) {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] into, int offset, int length) {
        return in.read(into, offset, length);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("setReadListener");
      }
    };
  }

  private static ServletOutputStream output(ByteArrayOutputStream body) {
    return new ServletOutputStream() {
      @Override
      public void write(int b) {
        body.write(b);
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {
        throw new UnsupportedOperationException("setWriteListener");
      }
    };
  }
}
