package dev.cleave.product.internal.rest;

import dev.cleave.platform.web.ProblemDetail;
import dev.cleave.platform.web.Roles;
import dev.cleave.product.api.Inventory;
import dev.cleave.product.api.ReservationDetails;
import dev.cleave.product.api.StockReservation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The remote form of {@link Inventory}: the module API over HTTP for other Cleave services, under
 * the interface's own JAX-RS annotations, for the {@code service} role only. It delegates to the
 * in-process binding, so a remote caller gets what an in-process one gets, with domain refusals as
 * problem details. Not in the published OpenAPI document ({@code /internal/**} is filtered out).
 */
@Path("/internal/v1/product/reservations")
@Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Typed(InternalInventoryResource.class)
@RolesAllowed(Roles.SERVICE)
public class InternalInventoryResource implements Inventory {

  @Inject Inventory binding;

  @Override
  public ReservationDetails reserve(String orderId, StockReservation request) {
    return binding.reserve(orderId, request);
  }

  @Override
  public ReservationDetails commit(String orderId) {
    return binding.commit(orderId);
  }

  @Override
  public ReservationDetails release(String orderId) {
    return binding.release(orderId);
  }

  @Override
  public ReservationDetails restock(String orderId) {
    return binding.restock(orderId);
  }
}
