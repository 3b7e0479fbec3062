package dev.cleave.user.internal.rest;

import dev.cleave.platform.web.ClientAddresses;
import dev.cleave.platform.web.ProblemDetail;
import dev.cleave.user.api.Credentials;
import dev.cleave.user.api.RefreshRequest;
import dev.cleave.user.api.TokenGrant;
import dev.cleave.user.internal.application.AuthenticationService;
import dev.cleave.user.internal.application.SessionService;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tokens: login, refresh-token rotation and logout. Responses carrying tokens are never cached. */
@Path("/api/v1/auth")
@Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Authentication")
public class AuthResource {

  private static final String NO_STORE = "no-store";

  @Inject AuthenticationService authentication;

  @Inject SessionService sessions;

  @Inject ClientAddresses clientAddresses;

  @Context HttpServletRequest request;

  @POST
  @Path("/login")
  @PermitAll
  @Operation(
      summary = "Log in with e-mail address and password",
      description =
          "Returns a 15-minute access token and a single-use refresh token. An unknown e-mail"
              + " address and a wrong password get the same 401. Repeated failures lock the account"
              + " and the client address for a growing time (429 with Retry-After).")
  @APIResponse(responseCode = "200", description = "The token grant")
  @APIResponse(responseCode = "401", description = "Wrong e-mail address or password")
  @APIResponse(responseCode = "429", description = "Too many failures; see Retry-After")
  public Response login(@NotNull @Valid Credentials credentials) {
    TokenGrant grant = authentication.login(credentials, clientAddresses.of(request));
    return Response.ok(grant)
        .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
        .header("Pragma", "no-cache")
        .build();
  }

  @POST
  @Path("/refresh")
  @PermitAll
  @Operation(
      summary = "Exchange a refresh token for a new grant",
      description =
          "The presented token is used up. Presenting a used token again ends the whole session.")
  @APIResponse(responseCode = "200", description = "A new token grant")
  @APIResponse(
      responseCode = "401",
      description = "Unknown, expired, revoked or reused refresh token")
  public Response refresh(@NotNull @Valid RefreshRequest refresh) {
    return Response.ok(sessions.refresh(refresh.refreshToken()))
        .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
        .header("Pragma", "no-cache")
        .build();
  }

  @POST
  @Path("/logout")
  @PermitAll
  @Operation(
      summary = "End the session a refresh token belongs to",
      description =
          "Revokes every refresh token of the session; access tokens expire on their own. "
              + "Answers 204 for unknown or finished sessions too.")
  @APIResponse(responseCode = "204", description = "The session is over")
  public void logout(@NotNull @Valid RefreshRequest refresh) {
    sessions.end(refresh.refreshToken());
  }
}
