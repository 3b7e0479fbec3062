package dev.cleave.user.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * What other modules may ask about a customer: who they are and where to ship (an order takes its
 * shipping address and the customer's name from here).
 *
 * <p>The same interface is the in-process contract (implemented in {@code user-core}), the
 * MicroProfile REST client interface (in {@code user-client}) and the server-side contract of the
 * module's internal HTTP exposure, so its JAX-RS annotations describe the remote form of each call.
 */
@Path("/internal/v1/user/customers")
@Produces(MediaType.APPLICATION_JSON)
public interface CustomerDirectory {

  /**
   * Looks up a customer by id: the subject ({@code sub}) of the customer's tokens.
   *
   * @param customerId the customer's id (a UUID in its canonical text form)
   * @return the customer's name, e-mail address and default shipping address
   * @throws UserNotFoundException when no user has this id
   */
  @GET
  @Path("/{id}")
  CustomerSummary findCustomer(@PathParam("id") @NotNull @Size(max = 36) String customerId);
}
