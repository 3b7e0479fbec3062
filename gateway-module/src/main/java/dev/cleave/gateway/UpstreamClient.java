package dev.cleave.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one HTTP client of the gateway: forwarding, aggregation and health probes send through it
 * ({@link SocketUpstreamClient}). Blocking, on the calling thread, over pooled keep-alive
 * connections per upstream instance. The contract and its message types are kept apart from the
 * implementation so that a candidate client is measured against the same tests (ADR 11).
 *
 * <p>The contract every implementation keeps: {@code Host} and {@code Content-Length} are its own
 * (a client's framing headers never reach an upstream); an answer's header section has arrived when
 * {@link #send} returns; failures are a {@link ConnectException} when nothing reached the instance
 * (refused, no connection within the connect timeout, a failed TLS handshake), a {@link
 * SocketTimeoutException} when no byte came within the read timeout, else an {@link IOException}.
 */
interface UpstreamClient {

  /**
   * A request to send: the target is the path and query as the client sent them (already checked).
   */
  @SuppressWarnings(
      "ArrayRecordComponent") // the body is passed along as it came, never compared or hashed
  record Request(
      String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {}

  /**
   * Sends a request to {@code base} (scheme, host, port and an optional path prefix) and returns
   * once the answer's header section has arrived. The caller must close the response.
   */
  default Response send(URI base, Request request, Duration readTimeout) throws IOException {
    return send(base, null, request, readTimeout);
  }

  /**
   * Sends a request to one address of {@code base}'s host (the upstream pool resolved it), or to
   * whatever the host resolves to when {@code address} is null. {@code Host}, TLS's server name and
   * the certificate check keep the host's name; pooled connections are kept per name and address.
   */
  Response send(URI base, InetAddress address, Request request, Duration readTimeout)
      throws IOException;

  /** Closes every idle connection. */
  void close();

  /**
   * The request target with {@code base}'s path prefix, after checking that the method is a token,
   * the target visible ASCII starting with {@code /}, and every header a token with a value free of
   * CR, LF and NUL (the servlet container parsed them; this is the last line of defence against a
   * header split into two).
   *
   * @throws IllegalArgumentException naming what is not forwardable
   */
  static String checkedTarget(URI base, Request request) {
    if (!isToken(request.method())) {
      throw new IllegalArgumentException("Not a method token: " + request.method());
    }
    String prefix = base.getRawPath() == null ? "" : base.getRawPath();
    if (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    String target = prefix + request.target();
    if (!target.startsWith("/") || !isVisible(target)) {
      throw new IllegalArgumentException("Not a request target: " + target);
    }
    for (Map.Entry<String, String> header : request.headers()) {
      String value = header.getValue();
      if (!isToken(header.getKey())
          || value.indexOf('\r') >= 0
          || value.indexOf('\n') >= 0
          || value.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("Header not forwardable: " + header.getKey());
      }
    }
    return target;
  }

  /**
   * Whether the request carries {@code Content-Length}: when it has a body, and for every method
   * whose requests usually have one (a POST with no body says 0).
   */
  static boolean sendsLength(Request request) {
    return request.body().length > 0
        || !switch (request.method()) {
          case "GET", "HEAD", "DELETE", "OPTIONS", "TRACE" -> true;
          default -> false;
        };
  }

  /** Whether the value is an RFC 9110 token (a method, a field name). */
  static boolean isToken(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVisible(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** An answer; its body must be read or the response closed. */
  static final class Response implements AutoCloseable {
    private final int status;
    private final Headers headers;
    private final InputStream body;

    Response(int status, Headers headers, InputStream body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    int statusCode() {
      return status;
    }

    Headers headers() {
      return headers;
    }

    InputStream body() {
      return body;
    }

    /** The whole body as UTF-8 text. */
    String bodyText() throws IOException {
      try (InputStream in = body) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }

  /** Response header fields, names compared without case, in the order received. */
  static final class Headers {
    private final Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<String> order = new ArrayList<>();

    void add(String name, String value) {
      if (!fields.containsKey(name)) {
        order.add(name);
      }
      fields.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }

    /** Replaces every value of the field by this one. */
    void set(String name, String value) {
      remove(name);
      add(name, value);
    }

    void remove(String name) {
      if (fields.remove(name) != null) {
        order.removeIf(name::equalsIgnoreCase);
      }
    }

    Optional<String> firstValue(String name) {
      List<String> values = fields.get(name);
      return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    List<String> allValues(String name) {
      List<String> values = fields.get(name);
      return values == null ? List.of() : Collections.unmodifiableList(values);
    }

    Optional<Long> firstValueAsLong(String name) {
      try {
        return firstValue(name).map(String::strip).map(Long::valueOf);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    /** Every field as received: name (first spelling) to values, in arrival order. */
    Map<String, List<String>> map() {
      Map<String, List<String>> map = new LinkedHashMap<>();
      for (String name : order) {
        map.put(name, Collections.unmodifiableList(fields.get(name)));
      }
      return map;
    }

    boolean hasToken(String name, String token) {
      for (String value : allValues(name)) {
        for (String part : value.split(",")) {
          if (part.strip().equalsIgnoreCase(token)) {
            return true;
          }
        }
      }
      return false;
    }

    String lastToken(String name) {
      List<String> values = allValues(name);
      String last = values.isEmpty() ? "" : values.get(values.size() - 1);
      String[] parts = last.split(",");
      return parts[parts.length - 1].strip().toLowerCase(Locale.ROOT);
    }
  }
}
