package dev.cleave.platform.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The one JAX-RS application of a deployable. Public module APIs live under {@code /api/v1}; module
 * APIs for remote callers under {@code /internal/v1}. Bearer tokens are MicroProfile JWTs, verified
 * by {@link dev.cleave.platform.security.BearerTokenMechanism}.
 */
@ApplicationPath("/")
@DeclareRoles({Roles.CUSTOMER, Roles.ADMIN, Roles.SERVICE})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Cleave",
            version = "v1",
            description = "E-commerce API; the same in the monolith and in the split system."))
@SecurityScheme(
    securitySchemeName = "jwt",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class CleaveApplication extends Application {}
