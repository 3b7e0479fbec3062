package dev.cleave.platform.security;

import dev.cleave.platform.jwt.TokenVerifier;
import dev.cleave.platform.jwt.TokenVerifier.InvalidTokenException;
import dev.cleave.platform.jwt.TokenVerifier.Verified;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * How every Cleave deployable authenticates a request: by the bearer token in its {@code
 * Authorization} header, verified by {@link TrustedKey} (the gateway's rules, in the same code). A
 * valid token makes its subject the caller and its groups the caller's roles; a request without one
 * stays anonymous.
 *
 * <p>A token that fails leaves the request anonymous and is marked {@link #REFUSED}, so that {@code
 * RoleCheckFilter} answers 401 with a problem on every path, public ones included (RFC 6750 {@code
 * invalid_token}). The refusal is logged at FINE with the reason and {@link
 * TokenVerifier#fingerprint}, never the token: Cleave verifies tokens itself, rather than through
 * MicroProfile JWT's container mechanism, because that mechanism writes a refused token whole into
 * its error message, its FFDC incident and {@code trace.log} (issue 15; ADR 5, "Verification").
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

  /** Request attribute holding the {@link Verified} token of an authenticated request. */
  public static final String VERIFIED = BearerTokenMechanism.class.getName() + ".verified";

  /** Request attribute holding why a presented token was refused. */
  public static final String REFUSED = BearerTokenMechanism.class.getName() + ".refused";

  /** The servlet profile's key for what {@code HttpServletRequest.getAuthType()} answers. */
  private static final String AUTH_TYPE = "jakarta.servlet.http.authType";

  private static final String AUTH_TYPE_VALUE = "BEARER";

  private static final Logger LOG = Logger.getLogger(BearerTokenMechanism.class.getName());

  @Inject TrustedKey trustedKey;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String authorization = request.getHeader("Authorization");
    Optional<String> token = TokenVerifier.bearerToken(authorization);
    if (token.isEmpty()) {
      if (authorization != null) {
        // Another scheme, which Cleave does not take: the request stays anonymous (RoleCheckFilter
        // answers
        // 401 where a role is needed). Named as this mechanism's (Jakarta Authentication's servlet
        // profile
        // key): otherwise Liberty, which counts a request without a login-config as BASIC, decodes
        // any
        // "Basic ..." value for its audit record and fails with a 500 when it is not base64 of
        // "user:pw".
        context.getMessageInfo().getMap().put(AUTH_TYPE, AUTH_TYPE_VALUE);
      }
      return context.doNothing();
    }
    try {
      Verified verified = trustedKey.verify(token.get());
      request.setAttribute(VERIFIED, verified);
      return context.notifyContainerAboutLogin(
          new CallerPrincipal(verified.subject()), verified.groups());
    } catch (InvalidTokenException e) {
      request.setAttribute(REFUSED, e.getMessage());
      LOG.fine(
          () ->
              "Refused a bearer token ("
                  + e.getMessage()
                  + "; "
                  + TokenVerifier.fingerprint(token.get())
                  + ") for "
                  + request.getMethod()
                  + " "
                  + request.getRequestURI());
      return context.doNothing();
    }
  }
}
