package dev.cleave.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is believed only when the
 * request came from a configured trusted proxy (the gateway), and then only up to the first hop
 * that is not itself a trusted proxy, so a client cannot choose the address it is throttled under.
 *
 * <p>Configuration: {@code cleave.http.trusted-proxies} ({@code CLEAVE_HTTP_TRUSTED_PROXIES}),
 * comma-separated IP literals; default none (the socket's peer is the client).
 */
@ApplicationScoped
public class ClientAddresses {

  /**
   * IPv4 or IPv6 literals only: a header value never triggers a DNS lookup or lands in a log raw.
   */
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

  @Inject
  @ConfigProperty(name = "cleave.http.trusted-proxies")
  Optional<List<String>> trustedProxies;

  private Set<String> trusted;

  @PostConstruct
  void readTrustedProxies() {
    trusted =
        trustedProxies.orElse(List.of()).stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The client's address for this request. */
  public String of(HttpServletRequest request) {
    return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trusted);
  }

  static String resolve(String peer, String forwardedFor, Set<String> trustedProxies) {
    if (!trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    String client = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!IP_LITERAL.matcher(hop).matches()) {
        return client;
      }
      client = hop;
      if (!trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return client;
  }
}
