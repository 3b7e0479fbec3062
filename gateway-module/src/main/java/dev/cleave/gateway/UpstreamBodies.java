package dev.cleave.gateway;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** The three ways an HTTP/1.1 answer's body is framed, each read off its connection. */
final class UpstreamBodies {

  /** Where a connection goes once its answer has been read to the end. */
  @FunctionalInterface
  interface Release {
    void release(UpstreamConnection connection, String key, boolean keepAlive);
  }

  private UpstreamBodies() {}

  /**
   * A response body read from its connection: single bytes go through the bulk read, and closing it
   * before its end closes the connection (what is left of the body would otherwise be read as the
   * next answer).
   */
  private abstract static class ConnectionBody extends InputStream {
    final UpstreamConnection connection;
    boolean done;

    ConnectionBody(UpstreamConnection connection) {
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

  /**
   * A body whose end the framing says (a length, the last chunk): once it has all been read, its
   * connection goes back to the pool unless either side said it closes.
   */
  private abstract static class ReusableBody extends ConnectionBody {
    final String key;
    private final boolean keepAlive;
    private final Release release;

    ReusableBody(UpstreamConnection connection, String key, boolean keepAlive, Release release) {
      super(connection);
      this.key = key;
      this.keepAlive = keepAlive;
      this.release = release;
    }

    /** Marks the body read to its end and hands the connection back. */
    final void finished() {
      done = true;
      release.release(connection, key, keepAlive);
    }
  }

  /** A body of known length; the connection is reused once it has all been read. */
  static final class FixedLength extends ReusableBody {
    private long remaining;

    FixedLength(
        UpstreamConnection connection,
        String key,
        boolean keepAlive,
        long length,
        Release release) {
      super(connection, key, keepAlive, release);
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
        finished();
      }
    }
  }

  /**
   * A chunked body (RFC 9112 section 7.1); the connection is reused after the last chunk and
   * trailers.
   */
  static final class Chunked extends ReusableBody {
    private long chunkLeft;

    Chunked(UpstreamConnection connection, String key, boolean keepAlive, Release release) {
      super(connection, key, keepAlive, release);
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
            new UpstreamResponseReader.HeaderReader(connection.in, -1).headers();
            finished();
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
      String line = new UpstreamResponseReader.HeaderReader(connection.in, -1).line();
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
  static final class UntilClose extends ConnectionBody {

    UntilClose(UpstreamConnection connection) {
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
