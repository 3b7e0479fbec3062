package dev.cleave.gateway;

import dev.cleave.platform.jwt.TokenVerifier;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
   * The outcome: pass (with the caller's subject, or none), or refuse with a reason for the log.
   */
  record Decision(boolean passes, Optional<String> subject, boolean tokenPresented, String reason) {
    static Decision pass(String subject) {
      return new Decision(true, Optional.ofNullable(subject), subject != null, "");
    }

    static Decision refuse(boolean tokenPresented, String reason) {
      return new Decision(false, Optional.empty(), tokenPresented, reason);
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
          ? Decision.pass(null)
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
      return Decision.pass(verified.subject());
    } catch (TokenVerifier.InvalidTokenException e) {
      return Decision.refuse(true, e.getMessage());
    }
  }
}
