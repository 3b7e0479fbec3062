package dev.cleave.platform.https;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a server with TLS on does with a request, by the transport it came on: the configuration of
 * {@link TransportSecurityFilter}, read and checked once.
 *
 * <ul>
 *   <li>{@code cleave.tls} {@code on} or {@code off} (the default): with {@code off} every request
 *       passes untouched;
 *   <li>{@code cleave.https.port} (default 9443): where a redirect points;
 *   <li>{@code cleave.tls.http} {@code redirect} (the default), {@code refuse} or {@code serve}:
 *       what a plain HTTP request gets, a 308 to the same URL over HTTPS, a 403 problem, or its
 *       answer as over HTTPS;
 *   <li>{@code cleave.tls.hsts} (default {@code max-age=31536000}; {@code none} for no header): the
 *       {@code Strict-Transport-Security} value of every HTTPS answer, never sent over HTTP (RFC
 *       6797, 7.2).
 * </ul>
 *
 * Health probes ({@code /health} and below) are served over HTTP in every mode: orchestrators and
 * the launcher probe the plain port.
 */
public record TransportPolicy(boolean on, int httpsPort, Http http, Optional<String> hsts) {

  /** What plain HTTP gets when TLS is on. */
  public enum Http {
    REDIRECT,
    REFUSE,
    SERVE
  }

  /** What to do with one request. */
  public enum Action {
    PASS,
    REDIRECT,
    REFUSE
  }

  private static final Pattern HSTS =
      Pattern.compile("max-age=\\d{1,10}(; ?includeSubDomains)?(; ?preload)?");

  public TransportPolicy {
    if (httpsPort < 1 || httpsPort > 65_535) {
      throw new IllegalArgumentException(
          "cleave.https.port must be a port (1 to 65535), not " + httpsPort);
    }
  }

  /** TLS off: everything passes. */
  public static TransportPolicy off() {
    return new TransportPolicy(false, 9443, Http.SERVE, Optional.empty());
  }

  /**
   * Reads the four settings as configured (nulls take the defaults).
   *
   * @throws IllegalArgumentException naming the setting that is not one of its values
   */
  public static TransportPolicy parse(String tls, Integer httpsPort, String http, String hsts) {
    String switched = tls == null ? "off" : tls.strip().toLowerCase(Locale.ROOT);
    if (!switched.equals("on") && !switched.equals("off")) {
      throw new IllegalArgumentException("cleave.tls must be on or off, not '" + tls + "'");
    }
    Http mode;
    try {
      mode = http == null ? Http.REDIRECT : Http.valueOf(http.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cleave.tls.http must be redirect, refuse or serve, not '" + http + "'", e);
    }
    String header = hsts == null ? "max-age=31536000" : hsts.strip();
    if (!header.equals("none") && !HSTS.matcher(header).matches()) {
      throw new IllegalArgumentException(
          "cleave.tls.hsts must be none or max-age=SECONDS[; includeSubDomains][; preload], not '"
              + hsts
              + "'");
    }
    return new TransportPolicy(
        switched.equals("on"),
        httpsPort == null ? 9443 : httpsPort,
        mode,
        header.equals("none") ? Optional.empty() : Optional.of(header));
  }

  /** The action for a request to {@code path} (below the context root) on this transport. */
  public Action decide(boolean secure, String path) {
    if (!on || secure || http == Http.SERVE || isProbe(path)) {
      return Action.PASS;
    }
    return http == Http.REDIRECT ? Action.REDIRECT : Action.REFUSE;
  }

  /** The HSTS value for an answer on this transport, if one is sent. */
  public Optional<String> hstsFor(boolean secure) {
    return on && secure ? hsts : Optional.empty();
  }

  /**
   * The same request's URL over HTTPS: the host the client named (an IPv6 literal in brackets), the
   * HTTPS port (left out when 443), path and query as sent.
   */
  public String httpsLocation(String host, String requestUri, String query) {
    String name = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    return "https://"
        + name
        + (httpsPort == 443 ? "" : ":" + httpsPort)
        + requestUri
        + (query == null ? "" : "?" + query);
  }

  private static boolean isProbe(String path) {
    return path.equals("/health") || path.startsWith("/health/");
  }
}
