package dev.cleave.gateway;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.LongSupplier;

/**
 * The gateway's HTTP/1.1 client: blocking, on the servlet's own thread, over pooled keep-alive
 * connections, one pool per upstream instance.
 *
 * <p>Why not {@code java.net.http.HttpClient}: its synchronous {@code send} hands each exchange to
 * a selector thread and back, several thread switches per request. Measured on the project machine
 * (docs/benchmarks.md, "Gateway vs NGINX") that cost the gateway about 1 ms of CPU per forwarded
 * request and half of NGINX's throughput; a plain socket read and write on the calling thread is
 * what NGINX does too. Why not Apache HttpClient 5 classic, which also blocks on the calling
 * thread: measured against this client in one run, it was slower at p50 and in throughput and
 * filled the gateway's small heap (ADR 11).
 *
 * <p>What it does: speaks TLS to {@code https} upstreams (the JVM's trust store, host name
 * checked); writes the request line, the given headers, {@code Host} and {@code Content-Length}
 * itself (so a client's framing headers can never reach the upstream); reads the status line and
 * header section (at most {@value UpstreamResponseReader#MAX_HEADER_BYTES} bytes, interim 1xx
 * answers skipped); frames the body as RFC 9112 section 6.3 says (none for HEAD, 1xx, 204 and 304;
 * chunked; Content-Length; else until the upstream closes). A connection goes back to its pool only
 * when its body was read to the end and neither side said {@code Connection: close}. A pooled
 * connection the upstream has closed meanwhile (it fails before any byte of the answer arrives) is
 * replaced by a new one once.
 *
 * <p>Failures: no connection (refused, no answer to the connect within the connect timeout, or a
 * failed TLS handshake) is a {@link ConnectException}, so the caller knows nothing reached the
 * instance; no byte within the read timeout is a {@link SocketTimeoutException}; anything else is
 * an {@link IOException}.
 */
final class SocketUpstreamClient implements UpstreamClient {

  private final int connectTimeoutMillis;
  private final long idleNanos;
  private final int maxIdlePerInstance;
  private final LongSupplier nanoClock;
  private final Map<String, Deque<UpstreamConnection>> idle = new ConcurrentHashMap<>();

  /**
   * @param connectTimeout how long a connect may take
   * @param idleTimeout how long a connection may wait in the pool (keep it below the upstream's
   *     keep-alive timeout)
   * @param maxIdlePerInstance how many idle connections an instance's pool keeps
   */
  SocketUpstreamClient(
      Duration connectTimeout,
      Duration idleTimeout,
      int maxIdlePerInstance,
      LongSupplier nanoClock) {
    this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
    this.idleNanos = idleTimeout.toNanos();
    this.maxIdlePerInstance = maxIdlePerInstance;
    this.nanoClock = nanoClock;
  }

  @Override
  public Response send(URI base, InetAddress address, Request request, Duration readTimeout)
      throws IOException {
    byte[] head = head(base, request);
    String key =
        base.getHost()
            + (address == null ? "" : "/" + address.getHostAddress())
            + ":"
            + UpstreamConnection.port(base);
    int timeout = Math.toIntExact(Math.max(1, readTimeout.toMillis()));
    UpstreamConnection pooled = take(key);
    if (pooled != null) {
      try {
        return exchange(pooled, key, head, request, timeout);
      } catch (UpstreamConnection.Stale stale) {
        // The upstream closed this idle connection; nothing of the request was processed.
      }
    }
    UpstreamConnection fresh = UpstreamConnection.open(base, address, connectTimeoutMillis);
    try {
      return exchange(fresh, key, head, request, timeout);
    } catch (UpstreamConnection.Stale stale) {
      throw new IOException(
          "Upstream " + key + " closed the connection without answering", stale.getCause());
    }
  }

  @Override
  public void close() {
    idle.values()
        .forEach(
            pool -> {
              UpstreamConnection connection;
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
    Deque<UpstreamConnection> pool = idle.get(key);
    return pool == null ? 0 : pool.size();
  }

  private Response exchange(
      UpstreamConnection connection, String key, byte[] head, Request request, int timeout)
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
          throw new UpstreamConnection.Stale(e);
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
          throw new UpstreamConnection.Stale(e);
        }
        throw e;
      }
      if (first < 0) {
        EOFException eof =
            new EOFException("Upstream " + key + " closed the connection without answering");
        if (connection.reused) {
          throw new UpstreamConnection.Stale(eof);
        }
        throw eof;
      }
      Response response =
          UpstreamResponseReader.read(connection, key, first, request.method(), this::release);
      answered = true;
      return response;
    } finally {
      if (!answered) {
        connection.close();
      }
    }
  }

  private void release(UpstreamConnection connection, String key, boolean keepAlive) {
    if (!keepAlive) {
      connection.close();
      return;
    }
    connection.idleSince = nanoClock.getAsLong();
    connection.reused = true;
    Deque<UpstreamConnection> pool = idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
    pool.offerFirst(connection);
    // Trim from the cold end: the most recently used connections are the ones worth keeping.
    while (pool.size() > maxIdlePerInstance) {
      UpstreamConnection extra = pool.pollLast();
      if (extra == null) {
        break;
      }
      extra.close();
    }
  }

  private UpstreamConnection take(String key) {
    Deque<UpstreamConnection> pool = idle.get(key);
    if (pool == null) {
      return null;
    }
    UpstreamConnection connection;
    while ((connection = pool.pollFirst()) != null) {
      if (nanoClock.getAsLong() - connection.idleSince < idleNanos
          && !connection.socket.isClosed()) {
        return connection;
      }
      connection.close();
    }
    return null;
  }

  /** The request line and header section, in ISO-8859-1 as HTTP/1.1 sends them. */
  private static byte[] head(URI base, Request request) {
    String target = UpstreamClient.checkedTarget(base, request);
    StringBuilder head = new StringBuilder(256);
    head.append(request.method()).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(base.getHost());
    if (base.getPort() >= 0) {
      head.append(':').append(base.getPort());
    }
    head.append("\r\n");
    for (Map.Entry<String, String> header : request.headers()) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    if (UpstreamClient.sendsLength(request)) {
      head.append("Content-Length: ").append(request.body().length).append("\r\n");
    }
    head.append("\r\n");
    return head.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
