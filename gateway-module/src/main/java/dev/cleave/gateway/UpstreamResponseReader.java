package dev.cleave.gateway;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads an HTTP/1.1 answer off an {@link UpstreamConnection}, strictly. */
final class UpstreamResponseReader {

  /** The most header bytes an answer may have. */
  static final int MAX_HEADER_BYTES = 64 * 1024;

  private UpstreamResponseReader() {}

  /**
   * Reads the answer whose first byte is {@code first}: status line and header section (interim 1xx
   * answers skipped), then the body framed as RFC 9112 section 6.3 says (none for HEAD, 1xx, 204
   * and 304; chunked; Content-Length; else until the upstream closes).
   */
  static UpstreamClient.Response read(
      UpstreamConnection connection,
      String key,
      int first,
      String method,
      UpstreamBodies.Release release)
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
      UpstreamClient.Headers headers = reader.headers();
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
        release.release(connection, key, keepAlive);
      } else if (headers.firstValue("Transfer-Encoding").isPresent()) {
        if (headers.lastToken("Transfer-Encoding").equals("chunked")) {
          body = new UpstreamBodies.Chunked(connection, key, keepAlive, release);
        } else {
          body = new UpstreamBodies.UntilClose(connection);
        }
      } else if (headers.firstValue("Content-Length").isPresent()) {
        long length = contentLength(headers.allValues("Content-Length"), key);
        body = new UpstreamBodies.FixedLength(connection, key, keepAlive, length, release);
      } else {
        body = new UpstreamBodies.UntilClose(connection);
      }
      return new UpstreamClient.Response(status, headers, body);
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

  /** Reads CRLF-terminated lines of the header section, within {@link #MAX_HEADER_BYTES}. */
  static final class HeaderReader {
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

    UpstreamClient.Headers headers() throws IOException {
      UpstreamClient.Headers headers = new UpstreamClient.Headers();
      for (String line = line(); !line.isEmpty(); line = line()) {
        int colon = line.indexOf(':');
        if (colon <= 0 || !UpstreamClient.isToken(line.substring(0, colon))) {
          throw new IOException("Malformed header field from upstream");
        }
        headers.add(line.substring(0, colon), line.substring(colon + 1).strip());
      }
      return headers;
    }
  }
}
