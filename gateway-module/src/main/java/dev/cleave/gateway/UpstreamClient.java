package dev.cleave.gateway;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The gateway's HTTP/1.1 client: blocking, on the servlet's own thread, over pooled keep-alive
 * connections, one pool per upstream instance.
 *
 * <p>Why not {@code java.net.http.HttpClient}: its synchronous {@code send} hands each exchange to
 * a selector thread and back, several thread switches per request. Measured on the project machine
 * (docs/benchmarks.md, "Gateway vs NGINX") that cost the gateway about 1 ms of CPU per forwarded
 * request and half of NGINX's throughput; a plain socket read and write on the calling thread is
 * what NGINX does too.
 *
 * <p>What it does: speaks TLS to {@code https} upstreams (the JVM's trust store, host name
 * checked); writes the request line, the given headers, {@code Host} and {@code Content-Length}
 * itself (so a client's framing headers can never reach the upstream); reads the status line and
 * header section (at most {@value #MAX_HEADER_BYTES} bytes, interim 1xx answers skipped); frames
 * the body as RFC 9112 section 6.3 says (none for HEAD, 1xx, 204 and 304; chunked; Content-Length;
 * else until the upstream closes). A connection goes back to its pool only when its body was read
 * to the end and neither side said {@code Connection: close}. A pooled connection the upstream has
 * closed meanwhile (it fails before any byte of the answer arrives) is replaced by a new one once.
 *
 * <p>Failures: no connection (refused, no answer to the connect within the connect timeout, or a
 * failed TLS handshake) is a {@link ConnectException}, so the caller knows nothing reached the
 * instance; no byte within the read timeout is a {@link SocketTimeoutException}; anything else is
 * an {@link IOException}.
 */
final class UpstreamClient {

  static final int MAX_HEADER_BYTES = 64 * 1024;

  private final int connectTimeoutMillis;
  private final long idleNanos;
  private final int maxIdlePerInstance;
  private final LongSupplier nanoClock;
  private final Map<String, Deque<Connection>> idle = new ConcurrentHashMap<>();

  /**
   * @param connectTimeout how long a connect may take
   * @param idleTimeout how long a connection may wait in the pool (keep it below the upstream's
   *     keep-alive timeout)
   * @param maxIdlePerInstance how many idle connections an instance's pool keeps
   */
  UpstreamClient(
      Duration connectTimeout,
      Duration idleTimeout,
      int maxIdlePerInstance,
      LongSupplier nanoClock) {
    this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
    this.idleNanos = idleTimeout.toNanos();
    this.maxIdlePerInstance = maxIdlePerInstance;
    this.nanoClock = nanoClock;
  }

  /**
   * A request to send: the target is the path and query as the client sent them (already checked).
   */
  @SuppressWarnings(
      "ArrayRecordComponent") // the body is passed along as it came, never compared or hashed
  record Request(
      String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {}

  /**
   * Sends a request to {@code base} (scheme http, host, port and an optional path prefix) and
   * returns once the answer's header section has arrived. The caller must close the response.
   */
  Response send(URI base, Request request, Duration readTimeout) throws IOException {
    return send(base, null, request, readTimeout);
  }

  /**
   * Sends a request to one address of {@code base}'s host (the upstream pool resolved it), or to
   * whatever the host resolves to when {@code address} is null. {@code Host}, TLS's server name and
   * the certificate check keep the host's name; pooled connections are kept per name and address.
   */
  Response send(URI base, InetAddress address, Request request, Duration readTimeout)
      throws IOException {
    byte[] head = head(base, request);
    String key =
        base.getHost() + (address == null ? "" : "/" + address.getHostAddress()) + ":" + port(base);
    int timeout = Math.toIntExact(Math.max(1, readTimeout.toMillis()));
    Connection pooled = take(key);
    if (pooled != null) {
      try {
        return exchange(pooled, key, head, request, timeout);
      } catch (StaleConnection stale) {
        // The upstream closed this idle connection; nothing of the request was processed.
      }
    }
    Connection fresh = connect(base, address);
    try {
      return exchange(fresh, key, head, request, timeout);
    } catch (StaleConnection stale) {
      throw new IOException(
          "Upstream " + key + " closed the connection without answering", stale.getCause());
    }
  }

  /** Closes every idle connection. */
  void close() {
    idle.values()
        .forEach(
            pool -> {
              Connection connection;
              while ((connection = pool.pollFirst()) != null) {
                connection.close();
              }
            });
  }

  /**
   * Idle connections held for an instance ({@code host:port}, or {@code host/address:port}); for
   * tests.
   */
  int idleConnections(String key) {
    Deque<Connection> pool = idle.get(key);
    return pool == null ? 0 : pool.size();
  }

  private Response exchange(
      Connection connection, String key, byte[] head, Request request, int timeout)
      throws IOException {
    boolean answered = false;
    try {
      connection.socket.setSoTimeout(timeout);
      try {
        connection.out.write(head);
        if (request.body().length > 0) {
          connection.out.write(request.body());
        }
        connection.out.flush();
      } catch (IOException e) {
        if (connection.reused) {
          throw new StaleConnection(e);
        }
        throw e;
      }
      int first;
      try {
        first = connection.in.read();
      } catch (SocketTimeoutException e) {
        throw e;
      } catch (IOException e) {
        if (connection.reused) {
          throw new StaleConnection(e);
        }
        throw e;
      }
      if (first < 0) {
        EOFException eof =
            new EOFException("Upstream " + key + " closed the connection without answering");
        if (connection.reused) {
          throw new StaleConnection(eof);
        }
        throw eof;
      }
      Response response = readResponse(connection, key, first, request.method());
      answered = true;
      return response;
    } finally {
      if (!answered) {
        connection.close();
      }
    }
  }

  private Response readResponse(Connection connection, String key, int first, String method)
      throws IOException {
    HeaderReader reader = new HeaderReader(connection.in, first);
    while (true) {
      String statusLine = reader.line();
      if (!statusLine.startsWith("HTTP/1.")
          || statusLine.length() < 12
          || statusLine.charAt(8) != ' ') {
        throw new IOException("Malformed status line from " + key);
      }
      int status;
      try {
        status = Integer.parseInt(statusLine.substring(9, 12));
      } catch (NumberFormatException e) {
        throw new IOException("Malformed status line from " + key, e);
      }
      boolean http10 = statusLine.startsWith("HTTP/1.0");
      Headers headers = reader.headers();
      if (status >= 100 && status < 200 && status != 101) {
        continue;
      }
      if (status < 200) {
        throw new IOException(
            "Upstream " + key + " answered " + status + ", which the gateway does not forward");
      }
      boolean keepAlive =
          !headers.hasToken("Connection", "close")
              && (!http10 || headers.hasToken("Connection", "keep-alive"));
      InputStream body;
      if (method.equals("HEAD") || status == 204 || status == 304) {
        body = InputStream.nullInputStream();
        release(connection, key, keepAlive);
      } else if (headers.firstValue("Transfer-Encoding").isPresent()) {
        if (headers.lastToken("Transfer-Encoding").equals("chunked")) {
          body = new ChunkedBody(connection, key, keepAlive);
        } else {
          body = new UntilCloseBody(connection);
        }
      } else if (headers.firstValue("Content-Length").isPresent()) {
        long length = contentLength(headers.allValues("Content-Length"), key);
        body = new FixedLengthBody(connection, key, keepAlive, length);
      } else {
        body = new UntilCloseBody(connection);
      }
      return new Response(status, headers, body);
    }
  }

  private static long contentLength(List<String> values, String key) throws IOException {
    long length = -1;
    for (String value : values) {
      for (String part : value.split(",")) {
        long parsed;
        try {
          parsed = Long.parseLong(part.strip());
        } catch (NumberFormatException e) {
          throw new IOException("Malformed Content-Length from " + key, e);
        }
        if (parsed < 0 || (length >= 0 && parsed != length)) {
          throw new IOException("Malformed Content-Length from " + key);
        }
        length = parsed;
      }
    }
    return length;
  }

  private void release(Connection connection, String key, boolean keepAlive) {
    if (!keepAlive) {
      connection.close();
      return;
    }
    connection.idleSince = nanoClock.getAsLong();
    connection.reused = true;
    Deque<Connection> pool = idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
    pool.offerFirst(connection);
    // Trim from the cold end: the most recently used connections are the ones worth keeping.
    while (pool.size() > maxIdlePerInstance) {
      Connection extra = pool.pollLast();
      if (extra == null) {
        break;
      }
      extra.close();
    }
  }

  private Connection take(String key) {
    Deque<Connection> pool = idle.get(key);
    if (pool == null) {
      return null;
    }
    Connection connection;
    while ((connection = pool.pollFirst()) != null) {
      if (nanoClock.getAsLong() - connection.idleSince < idleNanos
          && !connection.socket.isClosed()) {
        return connection;
      }
      connection.close();
    }
    return null;
  }

  private Connection connect(URI base, InetAddress address) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(
          address == null
              ? new InetSocketAddress(base.getHost(), port(base))
              : new InetSocketAddress(address, port(base)),
          connectTimeoutMillis);
      if ("https".equals(base.getScheme())) {
        return new Connection(tls(socket, base));
      }
    } catch (SocketTimeoutException e) {
      close(socket);
      ConnectException refused =
          new ConnectException(
              "No connection to " + base + " within " + connectTimeoutMillis + " ms");
      refused.initCause(e);
      throw refused;
    } catch (IOException e) {
      close(socket);
      if (e instanceof ConnectException) {
        throw e;
      }
      ConnectException refused =
          new ConnectException("No connection to " + base + ": " + e.getMessage());
      refused.initCause(e);
      throw refused;
    }
    return new Connection(socket);
  }

  /**
   * TLS over a connected socket, the JVM's trust store deciding and the host name checked against
   * the certificate. A failed handshake counts as no connection ({@link ConnectException} from the
   * caller): nothing of the request was sent, so another instance may be tried.
   */
  private Socket tls(Socket socket, URI base) throws IOException {
    SSLSocket tls =
        (SSLSocket)
            ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(socket, base.getHost(), port(base), true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(parameters);
    tls.setSoTimeout(connectTimeoutMillis);
    tls.startHandshake();
    return tls;
  }

  private static int port(URI base) {
    return base.getPort() >= 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
  }

  /** The request line and header section, in ISO-8859-1 as HTTP/1.1 sends them. */
  private static byte[] head(URI base, Request request) {
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
    StringBuilder head = new StringBuilder(256);
    head.append(request.method()).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(base.getHost());
    if (base.getPort() >= 0) {
      head.append(':').append(base.getPort());
    }
    head.append("\r\n");
    for (Map.Entry<String, String> header : request.headers()) {
      String name = header.getKey();
      String value = header.getValue();
      if (!isToken(name)
          || value.indexOf('\r') >= 0
          || value.indexOf('\n') >= 0
          || value.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("Header not forwardable: " + name);
      }
      head.append(name).append(": ").append(value).append("\r\n");
    }
    int length = request.body().length;
    if (length > 0
        || !(request.method().equals("GET")
            || request.method().equals("HEAD")
            || request.method().equals("DELETE")
            || request.method().equals("OPTIONS")
            || request.method().equals("TRACE"))) {
      head.append("Content-Length: ").append(length).append("\r\n");
    }
    head.append("\r\n");
    return head.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static boolean isToken(String value) {
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

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing: nothing more to do.
    }
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

  /** One TCP connection to an upstream instance. */
  private static final class Connection {
    final Socket socket;
    final BufferedInputStream in;
    final OutputStream out;
    long idleSince;
    boolean reused;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new BufferedInputStream(socket.getInputStream(), 8192);
      this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }

    void close() {
      UpstreamClient.close(socket);
    }
  }

  /** A pooled connection that failed before any byte of the answer arrived. */
  private static final class StaleConnection extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnection(IOException cause) {
      super(cause);
    }
  }

  /** Reads CRLF-terminated lines of the header section, within {@link #MAX_HEADER_BYTES}. */
  private static final class HeaderReader {
    private final InputStream in;
    private int pending;
    private int read;

    HeaderReader(InputStream in, int first) {
      this.in = in;
      this.pending = first;
    }

    String line() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream(64);
      while (true) {
        int b;
        if (pending >= 0) {
          b = pending;
          pending = -1;
        } else {
          b = in.read();
        }
        if (b < 0) {
          throw new EOFException("Upstream closed the connection within the header section");
        }
        if (++read > MAX_HEADER_BYTES) {
          throw new IOException("Upstream header section exceeds " + MAX_HEADER_BYTES + " bytes");
        }
        if (b == '\n') {
          byte[] bytes = line.toByteArray();
          int length =
              bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
          return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        line.write(b);
      }
    }

    Headers headers() throws IOException {
      Headers headers = new Headers();
      for (String line = line(); !line.isEmpty(); line = line()) {
        int colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.substring(0, colon))) {
          throw new IOException("Malformed header field from upstream");
        }
        headers.add(line.substring(0, colon), line.substring(colon + 1).strip());
      }
      return headers;
    }
  }

  /**
   * A response body read from its connection: single bytes go through the bulk read, and closing it
   * before its end closes the connection (what is left of the body would otherwise be read as the
   * next answer).
   */
  private abstract static class ConnectionBody extends InputStream {
    final Connection connection;
    boolean done;

    ConnectionBody(Connection connection) {
      this.connection = connection;
    }

    @Override
    public abstract int read(byte[] into, int offset, int length) throws IOException;

    @Override
    public final int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public final void close() {
      if (!done) {
        done = true;
        connection.close();
      }
    }
  }

  /** A body of known length; the connection is reused once it has all been read. */
  private final class FixedLengthBody extends ConnectionBody {
    private final String key;
    private final boolean keepAlive;
    private long remaining;

    FixedLengthBody(Connection connection, String key, boolean keepAlive, long length) {
      super(connection);
      this.key = key;
      this.keepAlive = keepAlive;
      this.remaining = length;
      finishIfComplete();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (done) {
        return -1;
      }
      if (length == 0) {
        return 0;
      }
      int n = connection.in.read(buffer, offset, (int) Math.min(length, remaining));
      if (n < 0) {
        close();
        throw new EOFException(
            "Upstream "
                + key
                + " closed the connection "
                + remaining
                + " bytes before the body's end");
      }
      remaining -= n;
      finishIfComplete();
      return n;
    }

    private void finishIfComplete() {
      if (remaining == 0 && !done) {
        done = true;
        release(connection, key, keepAlive);
      }
    }
  }

  /**
   * A chunked body (RFC 9112 section 7.1); the connection is reused after the last chunk and
   * trailers.
   */
  private final class ChunkedBody extends ConnectionBody {
    private final String key;
    private final boolean keepAlive;
    private long chunkLeft;

    ChunkedBody(Connection connection, String key, boolean keepAlive) {
      super(connection);
      this.key = key;
      this.keepAlive = keepAlive;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (done) {
        return -1;
      }
      if (length == 0) {
        return 0;
      }
      try {
        if (chunkLeft == 0) {
          chunkLeft = nextChunkSize();
          if (chunkLeft == 0) {
            new HeaderReader(connection.in, -1).headers();
            done = true;
            release(connection, key, keepAlive);
            return -1;
          }
        }
        int n = connection.in.read(buffer, offset, (int) Math.min(length, chunkLeft));
        if (n < 0) {
          throw new EOFException("Upstream " + key + " closed the connection within a chunk");
        }
        chunkLeft -= n;
        if (chunkLeft == 0) {
          expectCrlf();
        }
        return n;
      } catch (IOException e) {
        close();
        throw e;
      }
    }

    private long nextChunkSize() throws IOException {
      String line = new HeaderReader(connection.in, -1).line();
      int end = line.indexOf(';');
      String size = (end < 0 ? line : line.substring(0, end)).strip();
      try {
        long parsed = Long.parseLong(size, 16);
        if (parsed < 0) {
          throw new IOException("Malformed chunk size from " + key);
        }
        return parsed;
      } catch (NumberFormatException e) {
        throw new IOException("Malformed chunk size from " + key, e);
      }
    }

    private void expectCrlf() throws IOException {
      int cr = connection.in.read();
      int lf = cr == '\n' ? '\n' : connection.in.read();
      if (lf != '\n' || (cr != '\r' && cr != '\n')) {
        throw new IOException("Malformed chunk end from " + key);
      }
    }
  }

  /** A body that ends when the upstream closes the connection (never reused). */
  private static final class UntilCloseBody extends ConnectionBody {

    UntilCloseBody(Connection connection) {
      super(connection);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (done) {
        return -1;
      }
      int n = connection.in.read(buffer, offset, length);
      if (n < 0) {
        close();
      }
      return n;
    }
  }
}
