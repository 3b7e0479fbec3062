package dev.cleave.payment.internal.rest;

import dev.cleave.payment.api.PaymentDetails;
import dev.cleave.payment.api.PaymentNotFoundException;
import dev.cleave.payment.api.Payments;
import dev.cleave.platform.web.CachePolicy;
import dev.cleave.platform.web.ProblemDetail;
import dev.cleave.platform.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A customer's view of the payment for one of their orders (the checkout pays under the order's
 * id): status, amount, card brand and last four digits, why it failed. Payments of other customers
 * answer 404, exactly like payments that do not exist; administrators reach every payment.
 */
@Path("/api/v1/payments")
@Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
@RequestScoped
@Tag(name = "Payments")
@SecurityRequirement(name = "jwt")
public class PaymentResource {

  @Inject Payments payments;

  @GET
  @Path("{key: " + Payments.KEY + "}")
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  @CachePolicy("private, no-store")
  @Operation(
      summary = "The payment for one of the caller's orders",
      description =
          "The key is the order's id. Customers see their own payments; administrators see all.")
  @APIResponse(responseCode = "200", description = "The payment")
  @APIResponse(responseCode = "404", description = "No such payment, or not the caller's")
  public PaymentDetails payment(@PathParam("key") String key, @Context SecurityContext security) {
    PaymentDetails payment = payments.find(key);
    if (!security.isUserInRole(Roles.ADMIN)
        && !payment.customerId().equals(security.getUserPrincipal().getName())) {
      throw new PaymentNotFoundException(key);
    }
    return payment;
  }
}
