package dev.cleave.product.internal.rest;

import dev.cleave.platform.web.ProblemDetail;
import dev.cleave.platform.web.Roles;
import dev.cleave.product.api.ProductCatalog;
import dev.cleave.product.api.ProductSnapshot;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;

/**
 * The remote form of {@link ProductCatalog}: the module API over HTTP for other Cleave services,
 * under the interface's own JAX-RS annotations, for the {@code service} role only. It delegates to
 * the in-process binding, so a remote caller gets what an in-process one gets, with domain refusals
 * as problem details. Not in the published OpenAPI document ({@code /internal/**} is filtered out).
 */
@Path("/internal/v1/product/catalog")
@Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Typed(InternalProductCatalogResource.class)
@RolesAllowed(Roles.SERVICE)
public class InternalProductCatalogResource implements ProductCatalog {

  @Inject ProductCatalog binding;

  @Override
  public List<ProductSnapshot> findProducts(Set<Long> ids) {
    return binding.findProducts(ids);
  }
}
