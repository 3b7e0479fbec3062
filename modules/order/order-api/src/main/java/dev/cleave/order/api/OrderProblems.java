package dev.cleave.order.api;

import dev.cleave.kernel.DomainException;
import java.util.Map;
import java.util.function.Function;

/**
 * The order module's problem types and how a remote caller (the gateway's composite views, once the
 * module is split) rebuilds each as the exception the module throws. Every {@link DomainException}
 * of this package is listed; an architecture test holds that.
 */
public final class OrderProblems {

  public static final Map<String, Function<String, DomainException>> TYPES =
      Map.ofEntries(
          Map.entry("order-not-found", OrderNotFoundException::fromProblem),
          Map.entry("order-not-cancellable", OrderNotCancellableException::new),
          Map.entry("cart-empty", CartEmptyException::new),
          Map.entry("cart-limit", CartLimitException::new),
          Map.entry("product-unavailable", ProductUnavailableException::new),
          Map.entry("mixed-currencies", MixedCurrenciesException::new),
          Map.entry("shipping-address-required", ShippingAddressRequiredException::new),
          Map.entry("idempotency-key-reused", OrderKeyReusedException::new),
          Map.entry("dependency-unavailable", DependencyUnavailableException::new));

  private OrderProblems() {}
}
