package dev.cleave.platform.web;

import dev.cleave.platform.jwt.TokenVerifier;
import dev.cleave.platform.security.BearerTokenMechanism;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Answers calls that lack the required role with a problem document: 401 (with a Bearer challenge)
 * when no valid token came, 403 when the token's groups do not include a role that the resource
 * method allows. It reads the same {@code @RolesAllowed}/{@code @PermitAll}/{@code @DenyAll}
 * annotations as the container, runs before the container's own check (which stays in place as a
 * second line of defence) and exists because that check answers with an empty body.
 *
 * <p>It also answers 401 on every path, public ones included, when a bearer token came that {@link
 * BearerTokenMechanism} refused: no resource ever serves a request whose token Cleave does not
 * trust, not even as anonymous.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RoleCheckFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    SecurityContext security = request.getSecurityContext();
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    boolean bearer = TokenVerifier.bearerToken(authorization).isPresent();
    if (bearer && request.getProperty(BearerTokenMechanism.VERIFIED) == null) {
      // A presented token that the mechanism refused (bad signature, foreign key id, expired, no
      // subject...)
      // is refused on every path, public ones included (RFC 6750 invalid_token), never served as
      // anonymous.
      request.abortWith(unauthorized(request));
      return;
    }
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    String[] allowed = allowedRoles(method);
    if (allowed == null) {
      return;
    }
    if (security == null || security.getUserPrincipal() == null) {
      request.abortWith(unauthorized(request));
      return;
    }
    if (Arrays.stream(allowed).noneMatch(security::isUserInRole)) {
      request.abortWith(Problems.response(Problems.forStatus(403), path(request)).build());
    }
  }

  private static Response unauthorized(ContainerRequestContext request) {
    return Problems.response(Problems.forStatus(401), path(request))
        .header(HttpHeaders.WWW_AUTHENTICATE, Problems.BEARER_CHALLENGE)
        .build();
  }

  private static String path(ContainerRequestContext request) {
    return "/" + request.getUriInfo().getPath(false).replaceFirst("^/", "");
  }

  /**
   * The roles that may call the method, or {@code null} when anyone may. Method annotations win.
   */
  static String[] allowedRoles(Method method) {
    if (method.isAnnotationPresent(PermitAll.class)) {
      return null;
    }
    if (method.isAnnotationPresent(DenyAll.class)) {
      return new String[0];
    }
    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
    if (roles != null) {
      return roles.value();
    }
    Class<?> type = method.getDeclaringClass();
    if (type.isAnnotationPresent(DenyAll.class)) {
      return new String[0];
    }
    roles = type.getAnnotation(RolesAllowed.class);
    return roles == null ? null : roles.value();
  }
}
