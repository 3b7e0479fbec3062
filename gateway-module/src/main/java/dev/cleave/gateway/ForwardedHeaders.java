package dev.cleave.gateway;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which headers cross the gateway. Hop-by-hop headers (RFC 9110 section 7.6.1) and those a {@code
 * Connection} header names are dropped both ways; {@code Host}, {@code Content-Length} and {@code
 * Expect} are the HTTP client's to set; a client's {@code X-Forwarded-*} and {@code Forwarded} are
 * replaced, not trusted, unless the client is itself a trusted proxy.
 */
final class ForwardedHeaders {

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade");
  private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "expect");
  private static final Set<String> REPLACED =
      Set.of(
          "forwarded",
          "x-forwarded-for",
          "x-forwarded-host",
          "x-forwarded-proto",
          "x-forwarded-port",
          "x-real-ip",
          "x-request-id");
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private ForwardedHeaders() {}

  /** Whether a request header goes upstream as the client sent it. */
  static boolean forwardRequestHeader(String name, Set<String> namedByConnection) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !HOP_BY_HOP.contains(lower)
        && !SET_BY_CLIENT.contains(lower)
        && !REPLACED.contains(lower)
        && !namedByConnection.contains(lower);
  }

  /**
   * Whether a response header goes back to the client as the upstream sent it (the gateway sets
   * X-Request-Id).
   */
  static boolean forwardResponseHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !HOP_BY_HOP.contains(lower)
        && !lower.equals("content-length")
        && !lower.equals(":status")
        && !lower.equals("x-request-id");
  }

  /** The header names a {@code Connection} header lists (they are hop-by-hop too). */
  static Set<String> namedByConnection(String connection) {
    if (connection == null || connection.isBlank()) {
      return Set.of();
    }
    Set<String> names = new HashSet<>();
    for (String token : connection.split(",")) {
      names.add(token.strip().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  /**
   * The {@code X-Forwarded-For} to send upstream: the client's chain with its address appended when
   * the client is a trusted proxy, otherwise its address alone.
   */
  static String forwardedFor(String peer, String offered, Set<String> trustedProxies) {
    if (trustedProxies.contains(peer) && offered != null && !offered.isBlank()) {
      return offered.strip() + ", " + peer;
    }
    return peer;
  }

  /**
   * The client's address: the peer, unless the peer is a trusted proxy; then the nearest address in
   * its {@code X-Forwarded-For} chain that is not a trusted proxy (or the farthest one, if all
   * are).
   */
  static String clientAddress(String peer, String offered, Set<String> trustedProxies) {
    if (!trustedProxies.contains(peer) || offered == null || offered.isBlank()) {
      return peer;
    }
    String[] chain = offered.split(",");
    for (int i = chain.length - 1; i >= 0; i--) {
      String hop = chain[i].strip();
      if (!hop.isEmpty() && (!trustedProxies.contains(hop) || i == 0)) {
        return hop;
      }
    }
    return peer;
  }

  /** The client's request id when it is safe to log and echo, otherwise a new one. */
  static String requestId(String offered) {
    return offered != null && REQUEST_ID.matcher(offered).matches()
        ? offered
        : UUID.randomUUID().toString();
  }
}
