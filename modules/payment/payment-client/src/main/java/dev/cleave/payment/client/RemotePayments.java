package dev.cleave.payment.client;

import dev.cleave.payment.api.AuthorizationRequest;
import dev.cleave.payment.api.PaymentDetails;
import dev.cleave.payment.api.PaymentMethod;
import dev.cleave.payment.api.PaymentMethodRequest;
import dev.cleave.payment.api.PaymentProblems;
import dev.cleave.payment.api.Payments;
import dev.cleave.platform.remote.RemoteBinding;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@link Payments} served by the remote payment service: the interface as a MicroProfile REST
 * client ({@link RemoteBinding}), presenting this service's token, with the module's problem
 * details turned back into the exceptions the in-process binding throws. A deployable packages this
 * class or the payment module's core, never both.
 *
 * <p>Configuration: {@code cleave.payment.url} ({@code CLEAVE_PAYMENT_URL}), the base URL of the
 * payment service, and {@code cleave.remote.read-timeout} (default {@code PT1.8S}, below the
 * callers' step timeouts).
 */
@ApplicationScoped
public class RemotePayments extends RemoteBinding<Payments> implements Payments {

  public RemotePayments() {
    super(Payments.class, "payment", PaymentProblems.TYPES);
  }

  @Override
  public PaymentMethod register(String methodKey, PaymentMethodRequest request) {
    return remote().register(methodKey, request);
  }

  @Override
  public PaymentDetails authorize(String paymentKey, AuthorizationRequest request) {
    return remote().authorize(paymentKey, request);
  }

  @Override
  public PaymentDetails capture(String paymentKey) {
    return remote().capture(paymentKey);
  }

  @Override
  public PaymentDetails voidAuthorization(String paymentKey) {
    return remote().voidAuthorization(paymentKey);
  }

  @Override
  public PaymentDetails refund(String paymentKey) {
    return remote().refund(paymentKey);
  }

  @Override
  public PaymentDetails find(String paymentKey) {
    return remote().find(paymentKey);
  }
}
