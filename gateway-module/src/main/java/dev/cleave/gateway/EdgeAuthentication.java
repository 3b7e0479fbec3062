package dev.cleave.gateway;

import dev.cleave.platform.jwt.RsaKeys;
import dev.cleave.platform.jwt.TokenVerifier;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The gateway's first decision about a routed request: may it pass? With the same token rules as
 * the services ({@link TokenVerifier}), so no request with a bad token ever reaches a backend:
 *
 * <ul>
 *   <li>a presented bearer token must be valid, on every route, anonymous or not;
 *   <li>a request without one passes only where {@link AnonymousRoutes} admits it;
 *   <li>a token signed with a service key is refused: service identities call the module APIs
 *       ({@code /internal/**}) directly, never through the public door.
 * </ul>
 *
 * The token itself is forwarded unchanged; the services verify it again (defence in depth) and
 * decide about roles and objects.
 */
final class EdgeAuthentication {

  /**
   * The outcome: pass (with the caller's subject and groups, or none), or refuse with a reason for
   * the log.
   */
  record Decision(
      boolean passes,
      Optional<String> subject,
      Set<String> groups,
      boolean tokenPresented,
      String reason) {
    static Decision pass(String subject, Set<String> groups) {
      return new Decision(true, Optional.ofNullable(subject), groups, subject != null, "");
    }

    static Decision refuse(boolean tokenPresented, String reason) {
      return new Decision(false, Optional.empty(), Set.of(), tokenPresented, reason);
    }
  }

  private final TokenVerifier verifier;
  private final AnonymousRoutes anonymous;

  EdgeAuthentication(TokenVerifier verifier, AnonymousRoutes anonymous) {
    this.verifier = verifier;
    this.anonymous = anonymous;
  }

  /**
   * @param authorization every {@code Authorization} header of the request
   */
  Decision decide(String method, String path, List<String> authorization, Instant now) {
    if (authorization.size() > 1) {
      return Decision.refuse(true, "more than one Authorization header");
    }
    Optional<String> bearer =
        authorization.stream().findFirst().flatMap(TokenVerifier::bearerToken);
    if (bearer.isEmpty()) {
      return anonymous.admits(method, path)
          ? Decision.pass(null, Set.of())
          : Decision.refuse(
              !authorization.isEmpty(),
              authorization.isEmpty() ? "no bearer token" : "not a bearer token");
    }
    if (bearer.get().isEmpty()) {
      return Decision.refuse(true, "empty bearer token");
    }
    try {
      TokenVerifier.Verified verified = verifier.verify(bearer.get(), now);
      if (verified.serviceKey()) {
        return Decision.refuse(true, "a service token at the public door");
      }
      return Decision.pass(verified.subject(), verified.groups());
    } catch (TokenVerifier.InvalidTokenException e) {
      return Decision.refuse(true, e.getMessage());
    }
  }

  /**
   * The edge's token rules from the gateway's configuration: the services' verification keys
   * ({@code cleave.jwt.public.key.location}, required), the service keys refused at the public
   * door, issuer, audiences, clock skew and the anonymous requests ({@code
   * cleave.gateway.anonymous}).
   *
   * @throws IllegalArgumentException when the keys are missing or unreadable
   */
  static EdgeAuthentication from(Config config) {
    String location =
        config
            .getOptionalValue("cleave.jwt.public.key.location", String.class)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the gateway verifies tokens but has no keys: set"
                            + " CLEAVE_JWT_PUBLIC_KEY_LOCATION"));
    List<RSAPublicKey> trustedKeys = keys(location);
    List<RSAPublicKey> serviceKeys =
        config
            .getOptionalValue("cleave.jwt.service-keys.location", String.class)
            .map(EdgeAuthentication::keys)
            .orElse(List.of());
    Set<String> audiences =
        config
            .getOptionalValues("cleave.jwt.audiences", String.class)
            .orElse(List.of("cleave"))
            .stream()
            .map(String::strip)
            .collect(Collectors.toUnmodifiableSet());
    TokenVerifier.Rules rules =
        new TokenVerifier.Rules(
            config
                .getOptionalValue("cleave.jwt.issuer", String.class)
                .orElse("https://cleave.dev/user"),
            audiences,
            GatewayConfig.duration(config, "cleave.gateway.token-clock-skew", "PT60S"));
    return new EdgeAuthentication(
        new TokenVerifier(
            trustedKeys,
            serviceKeys,
            rules,
            config
                .getOptionalValue("cleave.jwt.remembered-tokens", Integer.class)
                .orElse(TokenVerifier.REMEMBERED_TOKENS)),
        AnonymousRoutes.parse(
            config.getOptionalValue("cleave.gateway.anonymous", String.class).orElse("")));
  }

  private static List<RSAPublicKey> keys(String location) {
    Path file = Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location);
    try {
      return RsaKeys.publicKeys(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read token keys from " + file + ": " + e.getMessage(), e);
    }
  }
}
