package dev.cleave.product.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;

/**
 * What other modules may ask the catalog: the current name and price of products they refer to (an
 * order takes its price snapshot from here).
 *
 * <p>The same interface is the in-process contract (implemented in {@code product-core}), the
 * MicroProfile REST client interface (in {@code product-client}) and the server-side contract of
 * the module's internal HTTP exposure, so its JAX-RS annotations describe the remote form of each
 * call.
 */
@Path("/internal/v1/product/catalog")
@Produces(MediaType.APPLICATION_JSON)
public interface ProductCatalog {

  /** Most ids one lookup accepts. */
  int MAX_LOOKUP = 100;

  /**
   * Looks up products by id, including deactivated ones (an order placed earlier may refer to
   * them). Unknown ids are simply absent from the result; the result is ordered by id.
   *
   * @param ids between 1 and {@value #MAX_LOOKUP} positive product ids
   * @return a snapshot for each known id
   */
  @GET
  @Path("/products")
  List<ProductSnapshot> findProducts(
      @QueryParam("id") @NotNull @Size(min = 1, max = MAX_LOOKUP) Set<@NotNull @Positive Long> ids);
}
