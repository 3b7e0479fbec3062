package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's HTTP/1.1 client against a real TCP peer that answers with scripted bytes, so every
 * framing case (length, chunked, until close, interim answers, a peer that closes a pooled
 * connection) is exact.
 */
class UpstreamClientTest {

  private final ScriptedUpstream upstream = new ScriptedUpstream();
  private final SocketUpstreamClient client =
      new SocketUpstreamClient(Duration.ofSeconds(1), Duration.ofSeconds(15), 8, System::nanoTime);

  @AfterEach
  void stop() throws IOException {
    client.close();
    upstream.close();
  }

  @SafeVarargs
  @SuppressWarnings("varargs") // List.of copies the array and only reads it
  private static UpstreamClient.Request get(String target, Map.Entry<String, String>... headers) {
    return new UpstreamClient.Request("GET", target, List.of(headers), new byte[0]);
  }

  @Test
  void sendsItsOwnFramingAndReusesTheConnection() throws Exception {
    upstream.answer(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nSet-Cookie: a=1\r\n"
            + "set-cookie: b=2\r\n\r\nhello");
    upstream.answer("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok");

    try (UpstreamClient.Response first =
        client.send(
            upstream.uri("/base/"),
            get("/api/v1/x?q=1", Map.entry("Accept", "text/plain")),
            Duration.ofSeconds(2))) {
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().allValues("SET-COOKIE")).containsExactly("a=1", "b=2");
      assertThat(first.headers().map()).containsKeys("Content-Type", "Set-Cookie");
      assertThat(first.bodyText()).isEqualTo("hello");
    }
    byte[] json = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    try (UpstreamClient.Response second =
        client.send(
            upstream.uri(""),
            new UpstreamClient.Request("POST", "/api/v1/y", List.of(), json),
            Duration.ofSeconds(2))) {
      assertThat(second.statusCode()).isEqualTo(201);
      assertThat(second.bodyText()).isEqualTo("ok");
    }

    assertThat(upstream.connections())
        .as("the second request reused the first connection")
        .isEqualTo(1);
    String firstHead = upstream.request();
    assertThat(firstHead)
        .startsWith(
            "GET /base/api/v1/x?q=1 HTTP/1.1\r\nHost: 127.0.0.1:" + upstream.port() + "\r\n")
        .contains("Accept: text/plain\r\n")
        .doesNotContain("Content-Length");
    assertThat(upstream.request())
        .startsWith("POST /api/v1/y HTTP/1.1\r\n")
        .contains("Content-Length: 7\r\n")
        .endsWith("\r\n\r\n{\"a\":1}");
    assertThat(client.idleConnections("127.0.0.1:" + upstream.port())).isEqualTo(1);
  }

  @Test
  void sendsToTheGivenAddressUnderTheHostsName() throws Exception {
    upstream.answer("HTTP/1.1 204 No Content\r\n\r\n");
    URI named = URI.create("http://product.shop.svc:" + upstream.port());
    try (UpstreamClient.Response answer =
        client.send(
            named, InetAddress.getLoopbackAddress(), get("/api/v1/x"), Duration.ofSeconds(2))) {
      assertThat(answer.statusCode()).isEqualTo(204);
    }
    assertThat(upstream.request()).contains("\r\nHost: product.shop.svc:" + upstream.port());
    assertThat(
            client.idleConnections(
                "product.shop.svc/"
                    + InetAddress.getLoopbackAddress().getHostAddress()
                    + ":"
                    + upstream.port()))
        .isEqualTo(1);
  }

  @Test
  void decodesChunkedBodiesWithExtensionsAndTrailers() throws Exception {
    upstream.answer(
        """
        HTTP/1.1 200 OK\r
        Transfer-Encoding: chunked\r
        \r
        4;name=value\r
        Wiki\r
        6\r
        pedia \r
        E\r
        in \r
        \r
        chunks.\r
        0\r
        Expires: never\r
        \r
        """);
    upstream.answer("HTTP/1.1 204 No Content\r\n\r\n");

    try (UpstreamClient.Response response =
        client.send(upstream.uri(""), get("/a"), Duration.ofSeconds(2))) {
      assertThat(response.bodyText()).isEqualTo("Wikipedia in \r\n\r\nchunks.");
    }
    try (UpstreamClient.Response response =
        client.send(upstream.uri(""), get("/b"), Duration.ofSeconds(2))) {
      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(response.body().read()).isEqualTo(-1);
    }
    assertThat(upstream.connections()).isEqualTo(1);
  }

  @Test
  void readsABodyWithoutLengthUntilCloseAndNeverPoolsThatConnection() throws Exception {
    upstream.answerAndClose("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it");
    upstream.answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");

    try (UpstreamClient.Response response =
        client.send(upstream.uri(""), get("/a"), Duration.ofSeconds(2))) {
      assertThat(response.bodyText()).isEqualTo("all of it");
    }
    try (UpstreamClient.Response response =
        client.send(upstream.uri(""), get("/b"), Duration.ofSeconds(2))) {
      assertThat(response.bodyText()).isEqualTo("x");
    }
    assertThat(upstream.connections()).isEqualTo(2);
  }

  @Test
  void skipsInterimAnswersAndHonoursConnectionClose() throws Exception {
    upstream.answer(
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n"
            + "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
    upstream.answer("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes");

    try (UpstreamClient.Response response =
        client.send(upstream.uri(""), get("/a"), Duration.ofSeconds(2))) {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("ok");
    }
    try (UpstreamClient.Response response =
        client.send(upstream.uri(""), get("/b"), Duration.ofSeconds(2))) {
      assertThat(response.bodyText()).isEqualTo("yes");
    }
    assertThat(upstream.connections())
        .as("Connection: close ended the first connection")
        .isEqualTo(2);
  }

  @Test
  void replacesAPooledConnectionTheUpstreamClosed() throws Exception {
    upstream.answerAndClose("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na");
    upstream.answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb");

    try (UpstreamClient.Response response =
        client.send(upstream.uri(""), get("/a"), Duration.ofSeconds(2))) {
      assertThat(response.bodyText()).isEqualTo("a");
    }
    assertThat(client.idleConnections("127.0.0.1:" + upstream.port()))
        .as("pooled: it looked reusable")
        .isEqualTo(1);
    upstream.awaitClosed(1);
    try (UpstreamClient.Response response =
        client.send(upstream.uri(""), get("/b"), Duration.ofSeconds(2))) {
      assertThat(response.bodyText()).isEqualTo("b");
    }
    assertThat(upstream.connections()).isEqualTo(2);
    assertThat(upstream.requests()).as("the request reached the upstream once").isEqualTo(2);
  }

  @Test
  void aBodyCutShortIsAnErrorAndItsConnectionIsNotReused() throws Exception {
    upstream.answerAndClose("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf");

    try (UpstreamClient.Response response =
        client.send(upstream.uri(""), get("/a"), Duration.ofSeconds(2))) {
      assertThatThrownBy(response::bodyText)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("6 bytes before");
    }
    assertThat(client.idleConnections("127.0.0.1:" + upstream.port())).isZero();
  }

  @Test
  void refusesMalformedAnswers() throws Exception {
    upstream.answer("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd");
    assertThatThrownBy(() -> client.send(upstream.uri(""), get("/a"), Duration.ofSeconds(2)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Content-Length");
    upstream.answer("SMTP ready\r\n\r\n");
    assertThatThrownBy(() -> client.send(upstream.uri(""), get("/b"), Duration.ofSeconds(2)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("status line");
  }

  @Test
  void aSilentUpstreamIsATimeoutAndAClosedPortIsRefused() throws Exception {
    upstream.stayQuiet();
    assertThatThrownBy(() -> client.send(upstream.uri(""), get("/slow"), Duration.ofMillis(200)))
        .isInstanceOf(SocketTimeoutException.class);

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    assertThatThrownBy(
            () ->
                client.send(
                    URI.create("http://127.0.0.1:" + closedPort), get("/a"), Duration.ofSeconds(1)))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void speaksTlsToHttpsUpstreamsAndCountsAFailedHandshakeAsNoConnection() throws Exception {
    // A peer that answers in plain text at once: the handshake fails, and no request was sent.
    try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread peer =
          new Thread(
              () -> {
                try (Socket socket = plain.accept()) {
                  socket
                      .getOutputStream()
                      .write(
                          "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                              .getBytes(StandardCharsets.ISO_8859_1));
                  socket.getOutputStream().flush();
                  socket.getInputStream().read();
                } catch (IOException e) {
                  // The client gave up.
                }
              });
      peer.setDaemon(true);
      peer.start();
      assertThatThrownBy(
              () ->
                  client.send(
                      URI.create("https://127.0.0.1:" + plain.getLocalPort()),
                      get("/a"),
                      Duration.ofSeconds(1)))
          .isInstanceOf(ConnectException.class)
          .hasMessageContaining("https://127.0.0.1");
    }
  }

  @Test
  void neverWritesARequestThatCouldSmuggleAnother() {
    URI base = upstream.uri("");
    assertThatThrownBy(
            () ->
                client.send(
                    base,
                    get("/a", Map.entry("X-Evil", "1\r\nContent-Length: 0")),
                    Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> client.send(base, get("/a", Map.entry("Bad Name", "1")), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.send(base, get("/a b"), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.send(base, get("/caf\u00e9"), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                client.send(
                    base,
                    new UpstreamClient.Request("GET /x HTTP/1.1\r\n", "/a", List.of(), new byte[0]),
                    Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(upstream.connections()).as("nothing was sent").isZero();
  }

  /**
   * A loopback server that reads each request (head and Content-Length body) and writes the next
   * scripted answer.
   */
  private static final class ScriptedUpstream implements AutoCloseable {
    private final ServerSocket server;
    private final BlockingQueue<String[]> answers = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean quiet;

    ScriptedUpstream() {
      try {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Thread acceptor = new Thread(this::accept, "scripted-upstream");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port() + path);
    }

    void answer(String raw) {
      answers.add(new String[] {raw, "keep"});
    }

    void answerAndClose(String raw) {
      answers.add(new String[] {raw, "close"});
    }

    void stayQuiet() {
      quiet = true;
    }

    int connections() {
      return accepted.get();
    }

    int requests() {
      return requests.get();
    }

    String request() throws InterruptedException {
      String request = received.poll(5, TimeUnit.SECONDS);
      assertThat(request).as("a request reached the upstream").isNotNull();
      return request;
    }

    void awaitClosed(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (closed.get() < count && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(closed.get()).isGreaterThanOrEqualTo(count);
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          accepted.incrementAndGet();
          sockets.add(socket);
          Thread serving = new Thread(() -> serve(socket), "scripted-connection");
          serving.setDaemon(true);
          serving.start();
        } catch (IOException e) {
          return;
        }
      }
    }

    private void serve(Socket socket) {
      try (socket;
          InputStream in = socket.getInputStream();
          OutputStream out = socket.getOutputStream()) {
        while (true) {
          String request = readRequest(in);
          if (request == null) {
            return;
          }
          requests.incrementAndGet();
          received.add(request);
          if (quiet) {
            Thread.sleep(2_000);
            return;
          }
          String[] answer = answers.poll(5, TimeUnit.SECONDS);
          if (answer == null) {
            return;
          }
          out.write(answer[0].getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          if (answer[1].equals("close")) {
            return;
          }
        }
      } catch (IOException | InterruptedException e) {
        // The client went away.
      } finally {
        closed.incrementAndGet();
      }
    }

    private static String readRequest(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          return null;
        }
        head.write(b);
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String text = head.toString(StandardCharsets.ISO_8859_1);
      int length = 0;
      for (String line : text.split("\r\n")) {
        if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Integer.parseInt(line.substring(15).strip());
        }
      }
      return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
      server.close();
      synchronized (sockets) {
        for (Socket socket : sockets) {
          socket.close();
        }
      }
    }
  }
}
