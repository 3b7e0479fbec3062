package dev.cleave.order.internal.rest;

import dev.cleave.order.api.CartItemRequest;
import dev.cleave.order.api.CartView;
import dev.cleave.order.api.QuantityUpdate;
import dev.cleave.order.internal.application.CartService;
import dev.cleave.platform.web.ProblemDetail;
import dev.cleave.platform.web.Roles;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own cart: the token's subject is the cart's owner, so no path names another
 * customer.
 */
@Path("/api/v1/cart")
@Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
@RequestScoped
@Tag(name = "Cart")
@SecurityRequirement(name = "jwt")
public class CartResource {

  static final String PRODUCT = "{productId: [0-9]{1,18}}";
  private static final String PRIVATE = "private, no-store";

  @Inject CartService cart;

  @GET
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  @Operation(summary = "The caller's cart, priced from the catalog now")
  @APIResponse(
      responseCode = "200",
      description = "The cart; `total` is absent when it is empty or mixes currencies")
  @APIResponse(responseCode = "503", description = "The catalog did not answer")
  public Response view(@Context SecurityContext security) {
    return ok(cart.view(caller(security)));
  }

  @POST
  @Path("/items")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  @Operation(
      summary = "Add units of a product",
      description = "Adds to the units already in the cart.")
  @APIResponse(responseCode = "200", description = "The cart after the change")
  @APIResponse(
      responseCode = "422",
      description =
          "The product is not sold, or the cart's limits (50 products, 100 units each) are reached")
  public Response add(@NotNull @Valid CartItemRequest item, @Context SecurityContext security) {
    return ok(cart.add(caller(security), item.productId(), item.quantity()));
  }

  @PUT
  @Path("/items/" + PRODUCT)
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  @Operation(
      summary = "Set the units of a product",
      description = "Adds the product when it is not in the cart yet.")
  @APIResponse(responseCode = "200", description = "The cart after the change")
  @APIResponse(
      responseCode = "422",
      description = "The product is not sold, or the cart holds 50 products already")
  public Response set(
      @PathParam("productId") long productId,
      @NotNull @Valid QuantityUpdate update,
      @Context SecurityContext security) {
    return ok(cart.set(caller(security), productId, update.quantity()));
  }

  @DELETE
  @Path("/items/" + PRODUCT)
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  @Operation(
      summary = "Remove a product from the cart",
      description = "Idempotent: removing an absent product answers 204 too.")
  @APIResponse(responseCode = "204", description = "Removed")
  public Response remove(
      @PathParam("productId") long productId, @Context SecurityContext security) {
    cart.remove(caller(security), productId);
    return Response.noContent().build();
  }

  private static Response ok(CartView view) {
    return Response.ok(view).header(HttpHeaders.CACHE_CONTROL, PRIVATE).build();
  }

  static String caller(SecurityContext security) {
    return security.getUserPrincipal().getName();
  }
}
