package dev.cleave.product.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Stock reservations for orders: the inventory steps of the checkout saga. Every call is keyed by
 * the order id and idempotent, so a saga may repeat any step after a timeout or a crash and get the
 * same outcome. Units held by a reservation are not available to other orders; committing takes
 * them out of stock, releasing gives them back. A reservation that is neither committed nor
 * released before it expires is released by the module.
 *
 * <p>The same interface is the in-process contract (implemented in {@code product-core}), the
 * MicroProfile REST client interface (in {@code product-client}) and the server-side contract of
 * the module's internal HTTP exposure, so its JAX-RS annotations describe the remote form of each
 * call.
 */
@Path("/internal/v1/product/reservations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface Inventory {

  /** Order ids: letters, digits and dashes (a UUID fits), at most 64 characters. */
  String ORDER_ID = "[A-Za-z0-9-]{1,64}";

  /**
   * Holds stock for every line of an order, all or nothing. When any line cannot be held (unknown
   * or inactive product, not enough available units) nothing is held and the reservation is {@link
   * ReservationStatus#REJECTED}, naming those lines. Repeating the call with the same order id and
   * the same lines returns the recorded reservation, whatever stock has done since.
   *
   * @param orderId the order the stock is for; the idempotency key
   * @param request the lines; a product may appear once
   * @return the reservation, {@code HELD} or {@code REJECTED}
   * @throws ReservationConflictException when the order id was used with other lines, or a first
   *     reservation for it is being made concurrently
   */
  @PUT
  @Path("/{orderId}")
  ReservationDetails reserve(
      @PathParam("orderId") @NotNull @Pattern(regexp = ORDER_ID) String orderId,
      @NotNull @Valid StockReservation request);

  /**
   * Takes the held units out of stock (the order is paid). Idempotent: committing a committed
   * reservation changes nothing.
   *
   * @throws ReservationNotFoundException when the order has no reservation
   * @throws ReservationConflictException when the reservation was released or rejected
   */
  @POST
  @Path("/{orderId}/commit")
  ReservationDetails commit(
      @PathParam("orderId") @NotNull @Pattern(regexp = ORDER_ID) String orderId);

  /**
   * Makes the held units available again (the order failed or was abandoned). Idempotent: releasing
   * a released or rejected reservation changes nothing.
   *
   * @throws ReservationNotFoundException when the order has no reservation
   * @throws ReservationConflictException when the reservation was committed (stock already left;
   *     see {@link #restock})
   */
  @POST
  @Path("/{orderId}/release")
  ReservationDetails release(
      @PathParam("orderId") @NotNull @Pattern(regexp = ORDER_ID) String orderId);

  /**
   * Puts committed units back into stock (a paid order was cancelled). Idempotent: restocking a
   * restocked reservation changes nothing.
   *
   * @throws ReservationNotFoundException when the order has no reservation
   * @throws ReservationConflictException when the reservation was never committed
   */
  @POST
  @Path("/{orderId}/restock")
  ReservationDetails restock(
      @PathParam("orderId") @NotNull @Pattern(regexp = ORDER_ID) String orderId);
}
