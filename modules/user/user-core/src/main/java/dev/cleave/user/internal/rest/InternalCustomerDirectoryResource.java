package dev.cleave.user.internal.rest;

import dev.cleave.platform.web.ProblemDetail;
import dev.cleave.platform.web.Roles;
import dev.cleave.user.api.CustomerDirectory;
import dev.cleave.user.api.CustomerSummary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The remote form of {@link CustomerDirectory}: the module API over HTTP for other Cleave services,
 * under the interface's own JAX-RS annotations, for the {@code service} role only. It delegates to
 * the in-process binding, so a remote caller gets what an in-process one gets, with domain refusals
 * as problem details. Not in the published OpenAPI document ({@code /internal/**} is filtered out).
 */
@Path("/internal/v1/user/customers")
@Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Typed(InternalCustomerDirectoryResource.class)
@RolesAllowed(Roles.SERVICE)
public class InternalCustomerDirectoryResource implements CustomerDirectory {

  @Inject CustomerDirectory binding;

  @Override
  public CustomerSummary findCustomer(String customerId) {
    return binding.findCustomer(customerId);
  }
}
