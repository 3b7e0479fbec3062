package dev.cleave.gateway;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One TCP (or TLS) connection to an upstream instance, as {@link SocketUpstreamClient} pools it.
 */
final class UpstreamConnection {

  final Socket socket;
  final BufferedInputStream in;
  final OutputStream out;
  long idleSince;
  boolean reused;

  private UpstreamConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), 8192);
    this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
  }

  void close() {
    close(socket);
  }

  /** A pooled connection that failed before any byte of the answer arrived. */
  static final class Stale extends IOException {
    private static final long serialVersionUID = 1L;

    Stale(IOException cause) {
      super(cause);
    }
  }

  /**
   * Connects to {@code address} (or whatever {@code base}'s host resolves to), with TLS for an
   * {@code https} base. Every failure is a {@link ConnectException}: nothing of a request was sent.
   */
  static UpstreamConnection open(URI base, InetAddress address, int connectTimeoutMillis)
      throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(
          address == null
              ? new InetSocketAddress(base.getHost(), port(base))
              : new InetSocketAddress(address, port(base)),
          connectTimeoutMillis);
      if ("https".equals(base.getScheme())) {
        return new UpstreamConnection(tls(socket, base, connectTimeoutMillis));
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
    return new UpstreamConnection(socket);
  }

  /**
   * TLS over a connected socket, the JVM's trust store deciding and the host name checked against
   * the certificate. A failed handshake counts as no connection ({@link ConnectException} from the
   * caller): nothing of the request was sent, so another instance may be tried.
   */
  private static Socket tls(Socket socket, URI base, int connectTimeoutMillis) throws IOException {
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

  static int port(URI base) {
    return base.getPort() >= 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
  }

  static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing: nothing more to do.
    }
  }
}
