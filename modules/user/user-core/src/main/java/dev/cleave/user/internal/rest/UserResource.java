package dev.cleave.user.internal.rest;

import dev.cleave.kernel.Page;
import dev.cleave.platform.web.InvalidRequestException;
import dev.cleave.platform.web.ProblemDetail;
import dev.cleave.platform.web.QueryParameters;
import dev.cleave.platform.web.Roles;
import dev.cleave.user.api.ProfileUpdate;
import dev.cleave.user.api.Registration;
import dev.cleave.user.api.UserProfile;
import dev.cleave.user.api.UserSummary;
import dev.cleave.user.internal.application.AccountService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Accounts: registration for everyone, the caller's own profile ({@code /me}: the token's subject
 * decides whose, so no customer can name another's), and user administration for administrators.
 */
@Path("/api/v1/users")
@Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
@RequestScoped
@Tag(name = "Users")
public class UserResource {

  /** User ids in paths: canonical UUIDs only, so {@code /me} and anything else never match. */
  static final String ID =
      "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
  private static final String NO_STORE = "no-store";

  @Inject AccountService accounts;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(
      summary = "Register a customer account",
      description =
          "Password: 12 to 128 characters, not the e-mail address. The e-mail address is unique"
              + " ignoring case.")
  @APIResponse(responseCode = "201", description = "Registered; the body is the new profile")
  @APIResponse(
      responseCode = "400",
      description = "Invalid e-mail address, weak password or missing field")
  @APIResponse(responseCode = "409", description = "The e-mail address is taken")
  public Response register(@NotNull @Valid Registration registration, @Context UriInfo uri) {
    UserProfile profile = accounts.register(registration);
    return Response.created(uri.getAbsolutePathBuilder().path(profile.id()).build())
        .entity(profile)
        .type(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
        .build();
  }

  @GET
  @Path("/me")
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  @SecurityRequirement(name = "jwt")
  @Operation(summary = "The caller's own profile")
  @APIResponse(responseCode = "200", description = "The profile")
  @APIResponse(responseCode = "404", description = "The token's subject has no account (any more)")
  public Response me(@Context SecurityContext security) {
    return Response.ok(accounts.profile(subject(security)))
        .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
        .build();
  }

  @PUT
  @Path("/me")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  @SecurityRequirement(name = "jwt")
  @Operation(
      summary = "Replace the caller's name and shipping addresses",
      description =
          "The e-mail address, roles and id cannot be changed here; such fields in the body are"
              + " ignored.")
  @APIResponse(responseCode = "200", description = "The updated profile")
  @APIResponse(
      responseCode = "422",
      description = "Unknown country or more than one default address")
  public Response updateMe(
      @NotNull @Valid ProfileUpdate update, @Context SecurityContext security) {
    return Response.ok(accounts.updateProfile(subject(security), update))
        .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
        .build();
  }

  @GET
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  @Operation(summary = "List users, newest first (admin)")
  @APIResponse(responseCode = "200", description = "One page of users")
  public Page<UserSummary> list(
      @Parameter(description = "Text the e-mail address or name contains (any case)")
          @QueryParam("q")
          String q,
      @Parameter(description = "1-based page number") @QueryParam("page") String page,
      @Parameter(description = "Page size, 1 to 100, default 20") @QueryParam("size") String size) {
    InvalidRequestException.Collector errors = new InvalidRequestException.Collector();
    String text = QueryParameters.blankToNull(q);
    if (text != null && (text.length() > 200 || CONTROL.matcher(text).find())) {
      errors.add("q", "must be at most 200 characters without control characters");
    }
    int pageNumber = QueryParameters.integer("page", page, 1, 1, QueryParameters.MAX_PAGE, errors);
    int pageSize = QueryParameters.integer("size", size, 20, 1, 100, errors);
    errors.throwIfAny();
    return accounts.list(text == null ? null : text.strip(), pageNumber, pageSize);
  }

  @GET
  @Path(ID)
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  @Operation(summary = "One user's profile (admin)")
  @APIResponse(responseCode = "404", description = "No user has this id")
  public UserProfile user(@PathParam("id") String id) {
    return accounts.profile(id);
  }

  @PUT
  @Path(ID + "/roles/admin")
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  @Operation(
      summary = "Grant the admin role (admin); idempotent",
      description = "Takes effect in the user's next access token (at login or refresh).")
  public UserProfile grantAdmin(@PathParam("id") String id) {
    return accounts.grantAdmin(id);
  }

  @DELETE
  @Path(ID + "/roles/admin")
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  @Operation(
      summary = "Revoke the admin role (admin); idempotent",
      description =
          "Takes effect at the user's next refresh; access tokens already issued keep their roles"
              + " until they expire. Administrators cannot revoke their own admin role.")
  @APIResponse(
      responseCode = "409",
      description = "The caller tried to revoke their own admin role")
  public UserProfile revokeAdmin(@PathParam("id") String id, @Context SecurityContext security) {
    return accounts.revokeAdmin(id, subject(security));
  }

  /** The caller's user id: the token's subject (the token policy guarantees {@code upn == sub}). */
  private static String subject(SecurityContext security) {
    return security.getUserPrincipal().getName();
  }
}
