package dev.cleave.order.internal.rest;

import dev.cleave.kernel.Page;
import dev.cleave.order.api.OrderDetails;
import dev.cleave.order.api.OrderSummary;
import dev.cleave.order.api.PlaceOrderRequest;
import dev.cleave.order.internal.application.OrderService;
import dev.cleave.platform.web.InvalidRequestException;
import dev.cleave.platform.web.ProblemDetail;
import dev.cleave.platform.web.QueryParameters;
import dev.cleave.platform.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
 * Placing orders and reading or cancelling one's own. Orders of other customers answer 404, exactly
 * like orders that do not exist; administrators reach every order.
 */
@Path("/api/v1/orders")
@Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
@RequestScoped
@Tag(name = "Orders")
@SecurityRequirement(name = "jwt")
public class OrderResource {

  static final String ID =
      "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

  /** Idempotency keys: 1 to 255 visible ASCII characters (a UUID is the usual choice). */
  static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private static final String PRIVATE = "private, no-store";

  @Inject OrderService orders;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  @Operation(
      summary = "Place an order from the cart and pay for it",
      description =
          "Requires an `Idempotency-Key` header. Prices are fixed from the catalog now. A repeat"
              + " with the same key and body returns the same order (200, `Idempotent-Replayed:"
              + " true`); the same key with another body is refused (422). The answer is 201 when"
              + " checkout finished (see `status`: CONFIRMED, REJECTED, PAYMENT_DECLINED, FAILED)"
              + " and 202 when it continues in the background (poll the `Location`).")
  @APIResponse(responseCode = "201", description = "Placed; checkout finished")
  @APIResponse(responseCode = "202", description = "Placed; checkout continues")
  @APIResponse(
      responseCode = "200",
      description = "A replay of an earlier submission under the same key")
  @APIResponse(
      responseCode = "400",
      description = "Missing or malformed Idempotency-Key, invalid card or address")
  @APIResponse(
      responseCode = "422",
      description =
          "Empty cart, product no longer sold, mixed currencies, expired card, "
              + "no shipping address, or the key was used for another request")
  @APIResponse(
      responseCode = "503",
      description =
          "The catalog, the customer directory or the payment service did not answer; nothing was"
              + " ordered")
  public Response place(
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @NotNull @Valid PlaceOrderRequest request,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
      new InvalidRequestException.Collector()
          .add(
              "Idempotency-Key",
              "header required: 1 to 255 visible ASCII characters, unique per order (a UUID will"
                  + " do)")
          .throwIfAny();
    }
    OrderService.Placement placement =
        orders.place(CartResource.caller(security), idempotencyKey, request);
    OrderDetails order = placement.order();
    Response.ResponseBuilder response;
    if (placement.replayed()) {
      response = Response.ok().header("Idempotent-Replayed", "true");
    } else {
      response =
          Response.status(
              order.status().isSettled() ? Response.Status.CREATED : Response.Status.ACCEPTED);
    }
    return response
        .location(uri.getBaseUriBuilder().path("api/v1/orders").path(order.id()).build())
        .entity(order)
        .type(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CACHE_CONTROL, PRIVATE)
        .build();
  }

  @GET
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  @Operation(summary = "The caller's orders, newest first")
  @APIResponse(responseCode = "200", description = "One page of the caller's orders")
  public Response list(
      @Parameter(description = "1-based page number") @QueryParam("page") String page,
      @Parameter(description = "Page size, 1 to 100, default 20") @QueryParam("size") String size,
      @Context SecurityContext security) {
    InvalidRequestException.Collector errors = new InvalidRequestException.Collector();
    int pageNumber = QueryParameters.integer("page", page, 1, 1, QueryParameters.MAX_PAGE, errors);
    int pageSize = QueryParameters.integer("size", size, 20, 1, 100, errors);
    errors.throwIfAny();
    Page<OrderSummary> result =
        orders.orders(CartResource.caller(security), null, pageNumber, pageSize);
    return Response.ok(result).header(HttpHeaders.CACHE_CONTROL, PRIVATE).build();
  }

  @GET
  @Path(ID)
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  @Operation(
      summary = "One order",
      description = "Customers see their own orders; administrators see all.")
  @APIResponse(responseCode = "200", description = "The order")
  @APIResponse(responseCode = "404", description = "No such order, or not the caller's")
  public Response order(@PathParam("id") String id, @Context SecurityContext security) {
    return Response.ok(
            orders.order(CartResource.caller(security), security.isUserInRole(Roles.ADMIN), id))
        .header(HttpHeaders.CACHE_CONTROL, PRIVATE)
        .build();
  }

  @POST
  @Path(ID + "/cancel")
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  @Operation(
      summary = "Cancel a confirmed order: refund and restock",
      description = "Idempotent: cancelling a cancelled order answers 200 with it.")
  @APIResponse(
      responseCode = "200",
      description = "The order, CANCELLED (or CANCELLING while the refund continues)")
  @APIResponse(responseCode = "404", description = "No such order, or not the caller's")
  @APIResponse(
      responseCode = "409",
      description = "The order is still being placed, or ended without a charge")
  public Response cancel(@PathParam("id") String id, @Context SecurityContext security) {
    return Response.ok(
            orders.cancel(CartResource.caller(security), security.isUserInRole(Roles.ADMIN), id))
        .header(HttpHeaders.CACHE_CONTROL, PRIVATE)
        .build();
  }
}
