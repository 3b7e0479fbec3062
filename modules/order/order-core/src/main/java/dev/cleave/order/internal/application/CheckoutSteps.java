package dev.cleave.order.internal.application;

import dev.cleave.kernel.DomainException;
import dev.cleave.payment.api.AuthorizationRequest;
import dev.cleave.payment.api.PaymentDetails;
import dev.cleave.payment.api.PaymentMethod;
import dev.cleave.payment.api.PaymentMethodRequest;
import dev.cleave.payment.api.Payments;
import dev.cleave.platform.calls.ModuleCall;
import dev.cleave.product.api.Inventory;
import dev.cleave.product.api.ProductCatalog;
import dev.cleave.product.api.ProductSnapshot;
import dev.cleave.product.api.ReservationDetails;
import dev.cleave.product.api.StockReservation;
import dev.cleave.user.api.CustomerDirectory;
import dev.cleave.user.api.CustomerSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Every call the order module makes to another module, each under MicroProfile Fault Tolerance, so
 * checkout behaves the same whether the other module is in-process or remote:
 *
 * <ul>
 *   <li>an explicit {@code @Timeout} on every call;
 *   <li>{@code @Retry} only where the call is idempotent: lookups, and the steps keyed by the order
 *       id (register the card, reserve, commit, release, restock, capture, void, refund). Never on
 *       {@link #authorize}: a repeat while the first is with the processor is refused (409), and a
 *       lost answer is read back with {@link #payment} instead;
 *   <li>a {@code @CircuitBreaker} per call, which business refusals ({@link DomainException}) do
 *       not trip;
 *   <li>a {@code @Fallback} that answers "outcome unknown" ({@link Optional#empty()}): the saga
 *       then leaves the order in its current, persisted state for the recovery job, which repeats
 *       the same idempotent call later.
 *   <li>{@code @ModuleCall} naming the callee: each attempt is timed and counted by binding (local
 *       or remote), and the circuit's state shows under the callee in {@code /health}.
 * </ul>
 *
 * The policy is declared once, on the class: a 2 s timeout, two retries, a circuit breaker (each
 * method has a circuit of its own). A method says only how it differs: the stock and capture steps
 * wait 3 s, {@link #authorize} is not retried, and each has its own fallback and callee.
 *
 * <p>Business refusals pass through unchanged (they are answers, not failures). Every value can be
 * tuned with MicroProfile Config, for all calls ({@code
 * dev.cleave.order.internal.application.CheckoutSteps/Timeout/value}) or for one ({@code
 * dev.cleave.order.internal.application.CheckoutSteps/authorize/Timeout/value}).
 */
@ApplicationScoped
@Timeout(2000)
@Retry(maxRetries = 2, delay = 50, jitter = 25, abortOn = DomainException.class)
@CircuitBreaker(
    requestVolumeThreshold = 20,
    failureRatio = 0.5,
    delay = 5000,
    skipOn = DomainException.class)
public class CheckoutSteps {

  @Inject ProductCatalog catalog;

  @Inject Inventory inventory;

  @Inject Payments payments;

  @Inject CustomerDirectory customers;

  @Fallback(fallbackMethod = "productsUnknown", skipOn = DomainException.class)
  @ModuleCall("product")
  public Optional<List<ProductSnapshot>> products(Set<Long> ids) {
    return Optional.of(catalog.findProducts(ids));
  }

  @Fallback(fallbackMethod = "customerUnknown", skipOn = DomainException.class)
  @ModuleCall("user")
  public Optional<CustomerSummary> customer(String customerId) {
    return Optional.of(customers.findCustomer(customerId));
  }

  @Timeout(3000)
  @Fallback(fallbackMethod = "reservationUnknown", skipOn = DomainException.class)
  @ModuleCall("product")
  public Optional<ReservationDetails> reserve(String orderId, StockReservation lines) {
    return Optional.of(inventory.reserve(orderId, lines));
  }

  @Timeout(3000)
  @Fallback(fallbackMethod = "reservationUnknown", skipOn = DomainException.class)
  @ModuleCall("product")
  public Optional<ReservationDetails> commitStock(String orderId) {
    return Optional.of(inventory.commit(orderId));
  }

  @Timeout(3000)
  @Fallback(fallbackMethod = "reservationUnknown", skipOn = DomainException.class)
  @ModuleCall("product")
  public Optional<ReservationDetails> releaseStock(String orderId) {
    return Optional.of(inventory.release(orderId));
  }

  @Timeout(3000)
  @Fallback(fallbackMethod = "reservationUnknown", skipOn = DomainException.class)
  @ModuleCall("product")
  public Optional<ReservationDetails> restock(String orderId) {
    return Optional.of(inventory.restock(orderId));
  }

  @Fallback(fallbackMethod = "methodUnknown", skipOn = DomainException.class)
  @ModuleCall("payment")
  public Optional<PaymentMethod> register(String orderId, PaymentMethodRequest request) {
    return Optional.of(payments.register(orderId, request));
  }

  /** Not retried: see the class comment. A timeout leaves the payment to finish on its own. */
  @Retry(maxRetries = 0)
  @Fallback(fallbackMethod = "authorizationUnknown", skipOn = DomainException.class)
  @ModuleCall("payment")
  public Optional<PaymentDetails> authorize(String orderId, AuthorizationRequest request) {
    return Optional.of(payments.authorize(orderId, request));
  }

  @Fallback(fallbackMethod = "paymentUnknown", skipOn = DomainException.class)
  @ModuleCall("payment")
  public Optional<PaymentDetails> payment(String orderId) {
    return Optional.of(payments.find(orderId));
  }

  @Timeout(3000)
  @Fallback(fallbackMethod = "paymentUnknown", skipOn = DomainException.class)
  @ModuleCall("payment")
  public Optional<PaymentDetails> capture(String orderId) {
    return Optional.of(payments.capture(orderId));
  }

  @Timeout(3000)
  @Fallback(fallbackMethod = "paymentUnknown", skipOn = DomainException.class)
  @ModuleCall("payment")
  public Optional<PaymentDetails> voidPayment(String orderId) {
    return Optional.of(payments.voidAuthorization(orderId));
  }

  @Timeout(3000)
  @Fallback(fallbackMethod = "paymentUnknown", skipOn = DomainException.class)
  @ModuleCall("payment")
  public Optional<PaymentDetails> refund(String orderId) {
    return Optional.of(payments.refund(orderId));
  }

  Optional<List<ProductSnapshot>> productsUnknown(Set<Long> ids) {
    return Optional.empty();
  }

  Optional<CustomerSummary> customerUnknown(String customerId) {
    return Optional.empty();
  }

  Optional<ReservationDetails> reservationUnknown(String orderId, StockReservation lines) {
    return Optional.empty();
  }

  Optional<ReservationDetails> reservationUnknown(String orderId) {
    return Optional.empty();
  }

  Optional<PaymentMethod> methodUnknown(String orderId, PaymentMethodRequest request) {
    return Optional.empty();
  }

  Optional<PaymentDetails> authorizationUnknown(String orderId, AuthorizationRequest request) {
    return Optional.empty();
  }

  Optional<PaymentDetails> paymentUnknown(String orderId) {
    return Optional.empty();
  }
}
