package dev.cleave.product.internal.rest;

import dev.cleave.kernel.Page;
import dev.cleave.platform.web.CachePolicy;
import dev.cleave.platform.web.ProblemDetail;
import dev.cleave.platform.web.Roles;
import dev.cleave.product.api.ProductDetails;
import dev.cleave.product.api.ProductRequest;
import dev.cleave.product.api.ProductSummary;
import dev.cleave.product.api.StockUpdate;
import dev.cleave.product.internal.application.CatalogMetrics;
import dev.cleave.product.internal.application.CatalogService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The product catalog: browsing for everyone, changes for administrators. */
@Path("/api/v1/products")
@Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
@RequestScoped
@Tag(name = "Catalog")
public class ProductResource {

  /** Product ids in paths: digits only, so anything else is simply not a product (404). */
  static final String ID = "{id: [0-9]{1,18}}";

  @Inject CatalogService catalog;

  @Inject CatalogMetrics metrics;

  @GET
  @PermitAll
  @CachePolicy("public, max-age=10")
  @Operation(
      summary = "Search active products",
      description =
          "Full-text search (ranked), category and price filters, sorting and pagination.")
  @APIResponse(responseCode = "200", description = "One page of products")
  @APIResponse(responseCode = "400", description = "An invalid parameter; the problem lists them")
  public Page<ProductSummary> search(
      @Parameter(description = "Words to search for; quotes, 'or' and '-word' work as on the web")
          @QueryParam("q")
          String q,
      @Parameter(description = "Category slug") @QueryParam("category") String category,
      @Parameter(description = "Lowest price, inclusive") @QueryParam("minPrice") String minPrice,
      @Parameter(description = "Highest price, inclusive") @QueryParam("maxPrice") String maxPrice,
      @Parameter(
              description =
                  "relevance (default with q), name (default), price_asc, price_desc, newest")
          @QueryParam("sort")
          String sort,
      @Parameter(description = "1-based page number, at most 10000") @QueryParam("page")
          String page,
      @Parameter(description = "Page size, 1 to 100, default 20") @QueryParam("size") String size) {
    Page<ProductSummary> result =
        catalog.search(SearchParameters.parse(q, category, minPrice, maxPrice, sort, page, size));
    metrics.searched(result.totalItems());
    return result;
  }

  @GET
  @Path(ID)
  @PermitAll
  @CachePolicy("no-cache")
  @Operation(summary = "One active product")
  @APIResponse(responseCode = "200", description = "The product")
  @APIResponse(responseCode = "404", description = "No active product has this id")
  public ProductDetails product(@PathParam("id") long id) {
    ProductDetails details = catalog.details(id);
    metrics.viewed();
    return details;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  @Operation(summary = "Create a product (admin)")
  @APIResponse(responseCode = "201", description = "Created; Location names the product")
  @APIResponse(responseCode = "409", description = "The SKU is taken")
  @APIResponse(responseCode = "422", description = "Unknown category or currency")
  public Response create(@NotNull @Valid ProductRequest request, @Context UriInfo uri) {
    ProductDetails created = catalog.create(request);
    metrics.changed("create");
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
        .entity(created)
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  @PUT
  @Path(ID)
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  @Operation(summary = "Replace a product's name, description, category and price (admin)")
  public ProductDetails replace(@PathParam("id") long id, @NotNull @Valid ProductRequest request) {
    ProductDetails replaced = catalog.replace(id, request);
    metrics.changed("replace");
    return replaced;
  }

  @DELETE
  @Path(ID)
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  @Operation(
      summary = "Deactivate a product (admin)",
      description =
          "Takes the product off sale for good; its row stays for order history. Idempotent.")
  @APIResponse(responseCode = "204", description = "Deactivated")
  public void deactivate(@PathParam("id") long id) {
    catalog.deactivate(id);
    metrics.changed("deactivate");
  }

  @PUT
  @Path(ID + "/stock")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  @Operation(summary = "Set the units on hand after a stock count (admin)")
  public ProductDetails setStock(@PathParam("id") long id, @NotNull @Valid StockUpdate stock) {
    ProductDetails updated = catalog.setStock(id, stock.units());
    metrics.changed("stock");
    return updated;
  }
}
