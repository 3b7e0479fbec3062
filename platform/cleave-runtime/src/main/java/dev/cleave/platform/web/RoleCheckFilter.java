package dev.cleave.platform.web;

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
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RoleCheckFilter implements ContainerRequestFilter {

  @Context
  ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    String[] allowed = allowedRoles(method);
    if (allowed == null) {
      return;
    }
    SecurityContext security = request.getSecurityContext();
    String path = "/" + request.getUriInfo().getPath(false).replaceFirst("^/", "");
    if (security == null || security.getUserPrincipal() == null) {
      request.abortWith(Problems.response(Problems.forStatus(401), path)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cleave\"").build());
      return;
    }
    if (Arrays.stream(allowed).noneMatch(security::isUserInRole)) {
      request.abortWith(Problems.response(Problems.forStatus(403), path).build());
    }
  }

  /** The roles that may call the method, or {@code null} when anyone may. Method annotations win. */
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
