package dev.cleave.user.internal.rest;

import dev.cleave.platform.web.ClientAddresses;
import dev.cleave.platform.web.ProblemDetail;
import dev.cleave.user.api.Credentials;
import dev.cleave.user.api.TokenGrant;
import dev.cleave.user.internal.application.AuthenticationService;
import dev.cleave.user.internal.application.BrowserHeaderMissingException;
import dev.cleave.user.internal.application.SessionService;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sessions for the storefront's pages (ADR 13): the same login, rotation and logout as {@link
 * AuthResource}, but the refresh token is kept in an {@code HttpOnly}, {@code Secure}, {@code
 * SameSite=Strict} cookie scoped to this path, which no script can read, and only the access token
 * is in the body, for the page to keep in memory. Every request needs the header {@value #HEADER}
 * (which a cross-site form cannot send and the front door's CORS policy does not admit), so no
 * other site can make a browser use or end its session.
 */
@Path(BrowserSessionResource.PATH)
@Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
@RequestScoped
@Tag(name = "Authentication")
public class BrowserSessionResource {

  static final String PATH = "/api/v1/auth/browser";
  static final String HEADER = BrowserHeaderMissingException.HEADER;

  /**
   * The session cookie. {@code __Secure-}: browsers keep it only with {@code Secure}, which they
   * honour on HTTPS and on {@code http://localhost}; over plain HTTP to another host a session
   * lasts as long as the page (docs/configuration.md, "TLS").
   */
  static final String COOKIE = "__Secure-cleave-session";

  private static final String NO_STORE = "no-store";

  @Inject AuthenticationService authentication;

  @Inject SessionService sessions;

  @Inject ClientAddresses clientAddresses;

  @Context HttpServletRequest request;

  @POST
  @Path("/login")
  @Consumes(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(
      summary = "Log in from the storefront: the refresh token in an HttpOnly cookie",
      description =
          "As POST /api/v1/auth/login (same throttling, same answers to wrong credentials), but the"
              + " refresh token is set as the cookie "
              + COOKIE
              + " and the body holds only the access token. Needs the header "
              + HEADER
              + ": 1.")
  @APIResponse(responseCode = "200", description = "The access token; the cookie is set")
  @APIResponse(responseCode = "401", description = "Wrong e-mail address or password")
  @APIResponse(responseCode = "403", description = "The header " + HEADER + " is missing")
  @APIResponse(responseCode = "429", description = "Too many failures; see Retry-After")
  public Response login(
      @Parameter(description = "Must be 1") @HeaderParam(HEADER) String marker,
      @NotNull @Valid Credentials credentials) {
    requireMarker(marker);
    return granted(authentication.login(credentials, clientAddresses.of(request)));
  }

  @POST
  @Path("/refresh")
  @PermitAll
  @Operation(
      summary = "Rotate the storefront's session cookie and get a new access token",
      description =
          "Uses up the refresh token in the cookie and sets its successor; presenting a used one"
              + " again ends the whole session. No body. Needs the header "
              + HEADER
              + ": 1.")
  @APIResponse(responseCode = "200", description = "A new access token; the cookie is replaced")
  @APIResponse(
      responseCode = "401",
      description = "No cookie, or an unknown, expired, revoked or reused refresh token in it")
  @APIResponse(responseCode = "403", description = "The header " + HEADER + " is missing")
  public Response refresh(
      @Parameter(description = "Must be 1") @HeaderParam(HEADER) String marker,
      @Parameter(hidden = true) @CookieParam(COOKIE) String refreshToken) {
    requireMarker(marker);
    return granted(sessions.refresh(refreshToken));
  }

  @POST
  @Path("/logout")
  @PermitAll
  @Operation(
      summary = "End the storefront's session and clear its cookie",
      description =
          "Revokes every refresh token of the cookie's session; answers 204 without a cookie"
              + " too. Needs the header "
              + HEADER
              + ": 1.")
  @APIResponse(responseCode = "204", description = "The session is over; the cookie is cleared")
  @APIResponse(responseCode = "403", description = "The header " + HEADER + " is missing")
  public Response logout(
      @Parameter(description = "Must be 1") @HeaderParam(HEADER) String marker,
      @Parameter(hidden = true) @CookieParam(COOKIE) String refreshToken) {
    requireMarker(marker);
    sessions.end(refreshToken);
    return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", 0)).build();
  }

  private static void requireMarker(String marker) {
    if (!"1".equals(marker)) {
      throw new BrowserHeaderMissingException();
    }
  }

  private static Response granted(TokenGrant grant) {
    return Response.ok(
            new BrowserGrant(
                grant.accessToken(),
                grant.tokenType(),
                grant.expiresIn(),
                grant.refreshExpiresIn()))
        .header(HttpHeaders.SET_COOKIE, cookie(grant.refreshToken(), grant.refreshExpiresIn()))
        .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
        .header("Pragma", "no-cache")
        .build();
  }

  /** The cookie's header value, written out (JAX-RS's NewCookie would add a Version attribute). */
  static String cookie(String value, long maxAgeSeconds) {
    return COOKIE
        + "="
        + value
        + "; Path="
        + PATH
        + "; Max-Age="
        + maxAgeSeconds
        + "; Secure; HttpOnly; SameSite=Strict";
  }
}
