package dev.cleave.product.internal.rest;

import dev.cleave.platform.web.CachePolicy;
import dev.cleave.platform.web.ProblemDetail;
import dev.cleave.product.api.CategorySummary;
import dev.cleave.product.internal.application.CatalogService;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The catalog's categories. */
@Path("/api/v1/categories")
@Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
@RequestScoped
@Tag(name = "Catalog")
public class CategoryResource {

  @Inject CatalogService catalog;

  @GET
  @PermitAll
  @CachePolicy("public, max-age=60")
  @Operation(summary = "All categories with their number of active products")
  public List<CategorySummary> categories() {
    return catalog.categories();
  }
}
