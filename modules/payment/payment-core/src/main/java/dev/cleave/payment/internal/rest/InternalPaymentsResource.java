package dev.cleave.payment.internal.rest;

import dev.cleave.payment.api.AuthorizationRequest;
import dev.cleave.payment.api.PaymentDetails;
import dev.cleave.payment.api.PaymentMethod;
import dev.cleave.payment.api.PaymentMethodRequest;
import dev.cleave.payment.api.Payments;
import dev.cleave.platform.web.ProblemDetail;
import dev.cleave.platform.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The remote form of {@link Payments}: the module API over HTTP for other Cleave services, under
 * the interface's own JAX-RS annotations, for the {@code service} role only. It delegates to the
 * in-process binding, so a remote caller gets what an in-process one gets, with domain refusals as
 * problem details. Not in the published OpenAPI document ({@code /internal/**} is filtered out).
 */
@Path("/internal/v1/payment/payments")
@Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Typed(InternalPaymentsResource.class)
@RolesAllowed(Roles.SERVICE)
public class InternalPaymentsResource implements Payments {

  @Inject Payments binding;

  @Override
  public PaymentMethod register(String methodKey, PaymentMethodRequest request) {
    return binding.register(methodKey, request);
  }

  @Override
  public PaymentDetails authorize(String paymentKey, AuthorizationRequest request) {
    return binding.authorize(paymentKey, request);
  }

  @Override
  public PaymentDetails capture(String paymentKey) {
    return binding.capture(paymentKey);
  }

  @Override
  public PaymentDetails voidAuthorization(String paymentKey) {
    return binding.voidAuthorization(paymentKey);
  }

  @Override
  public PaymentDetails refund(String paymentKey) {
    return binding.refund(paymentKey);
  }

  @Override
  public PaymentDetails find(String paymentKey) {
    return binding.find(paymentKey);
  }
}
