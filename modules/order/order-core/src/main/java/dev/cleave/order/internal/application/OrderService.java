package dev.cleave.order.internal.application;

import dev.cleave.kernel.Page;
import dev.cleave.order.api.CartEmptyException;
import dev.cleave.order.api.DependencyUnavailableException;
import dev.cleave.order.api.OrderDetails;
import dev.cleave.order.api.OrderKeyReusedException;
import dev.cleave.order.api.OrderNotCancellableException;
import dev.cleave.order.api.OrderNotFoundException;
import dev.cleave.order.api.OrderStatus;
import dev.cleave.order.api.OrderSummary;
import dev.cleave.order.api.PlaceOrderRequest;
import dev.cleave.order.api.ShippingAddressRequiredException;
import dev.cleave.order.internal.domain.CartItem;
import dev.cleave.order.internal.domain.DeliveryAddress;
import dev.cleave.order.internal.domain.Order;
import dev.cleave.order.internal.domain.OrderFingerprint;
import dev.cleave.order.internal.domain.PricedCart;
import dev.cleave.payment.api.PaymentMethod;
import dev.cleave.payment.api.PaymentMethodRequest;
import dev.cleave.product.api.ProductSnapshot;
import dev.cleave.user.api.Address;
import dev.cleave.user.api.CustomerSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Placing, reading and cancelling orders. Every read and every cancel checks that the order is the
 * caller's (administrators see all); an order that is not yours answers exactly like one that does
 * not exist.
 */
@ApplicationScoped
public class OrderService {

  /** What a placement answered: the order, and whether it was a replay of an earlier submission. */
  public record Placement(OrderDetails order, boolean replayed) {}

  @Inject OrderTransactions transactions;

  @Inject CheckoutSteps steps;

  @Inject CheckoutSaga saga;

  @Inject OrderMetrics metrics;

  @Inject Clock clock;

  /**
   * Places an order from the customer's cart and runs checkout. A repeated submission under the
   * same key returns the order the first one made (in whatever state it now is), without running
   * anything again; the same key with a different request is refused.
   */
  public Placement place(String customerId, String idempotencyKey, PlaceOrderRequest request) {
    String fingerprint = OrderFingerprint.of(request);
    OrderTransactions.Submission submission = transactions.submission(customerId, idempotencyKey);
    if (submission.earlier().isPresent()) {
      return replay(submission.earlier().get(), fingerprint);
    }
    List<CartItem> cart = submission.cart();
    if (cart.isEmpty()) {
      throw new CartEmptyException("The cart is empty; add products before placing an order.");
    }
    Map<Long, Integer> quantities = new LinkedHashMap<>();
    cart.forEach(item -> quantities.put(item.productId(), item.quantity()));
    PricedCart priced = PricedCart.of(quantities, products(quantities.keySet()));
    DeliveryAddress address = DeliveryAddress.of(shippingAddress(customerId, request));
    // The card goes to the payment module first, which keeps it with the processor and answers a
    // token: the saga (and its recovery, should the payment module be down later) pays with that.
    // Without a token no order is made: it could never be paid.
    UUID id = UUID.randomUUID();
    PaymentMethod method =
        steps
            .register(id.toString(), new PaymentMethodRequest(customerId, request.card()))
            .orElseThrow(
                () ->
                    new DependencyUnavailableException(
                        "The payment service did not answer; nothing was ordered."));
    Order order =
        new Order(
            id,
            customerId,
            idempotencyKey,
            fingerprint,
            priced.lines(),
            priced.currency(),
            method.cardBrand(),
            method.cardLast4(),
            method.token(),
            address,
            clock);
    try {
      transactions.create(order);
    } catch (OrderTransactions.DuplicateSubmissionException e) {
      // A concurrent submission under the same key won the insert: answer with its order.
      return replay(transactions.findByKey(customerId, idempotencyKey).orElseThrow(), fingerprint);
    }
    metrics.placed();
    return new Placement(OrderMapping.details(saga.drivePlaced(order)), false);
  }

  /** The order, when it is the caller's (or the caller is an administrator). */
  public OrderDetails order(String callerId, boolean admin, String orderId) {
    return OrderMapping.details(owned(callerId, admin, orderId));
  }

  public Page<OrderSummary> orders(String customerId, OrderStatus status, int page, int size) {
    return transactions.list(customerId, status, page, size);
  }

  /**
   * Cancels a confirmed order: refund, then restock. Cancelling a cancelled order changes nothing.
   *
   * @throws OrderNotCancellableException when the order is still being placed or ended
   *     unsuccessfully
   */
  public OrderDetails cancel(String callerId, boolean admin, String orderId) {
    Order order = owned(callerId, admin, orderId);
    switch (order.status()) {
      case CONFIRMED ->
          transactions.transition(order.id(), OrderStatus.CONFIRMED, OrderStatus.CANCELLING, null);
      case CANCELLING, CANCELLED -> {
        // repeat: finish what is left
      }
      case PLACED, STOCK_RESERVED, PAYMENT_AUTHORIZED ->
          throw new OrderNotCancellableException(
              "Order " + orderId + " is still being placed; cancel it once it is confirmed.");
      default ->
          throw new OrderNotCancellableException(
              "Order "
                  + orderId
                  + " is "
                  + order.status().name().toLowerCase(Locale.ROOT)
                  + "; nothing was charged and there is nothing to cancel.");
    }
    return OrderMapping.details(saga.drive(order.id()));
  }

  private Order owned(String callerId, boolean admin, String orderId) {
    UUID id;
    try {
      id = UUID.fromString(orderId);
    } catch (IllegalArgumentException e) {
      throw new OrderNotFoundException(orderId);
    }
    return transactions
        .find(id)
        .filter(order -> admin || order.customerId().equals(callerId))
        .orElseThrow(() -> new OrderNotFoundException(orderId));
  }

  /** The answer to a repeated submission: the earlier order, if the request is the same. */
  private static Placement replay(Order earlier, String fingerprint) {
    if (!earlier.requestFingerprint().equals(fingerprint)) {
      throw new OrderKeyReusedException(
          "The Idempotency-Key was used for a different order request; "
              + "use a new key for a new order.");
    }
    return new Placement(OrderMapping.details(earlier), true);
  }

  private Map<Long, ProductSnapshot> products(Set<Long> ids) {
    return steps
        .products(ids)
        .orElseThrow(
            () ->
                new DependencyUnavailableException(
                    "The catalog did not answer; nothing was ordered."))
        .stream()
        .collect(Collectors.toMap(ProductSnapshot::id, Function.identity()));
  }

  private Address shippingAddress(String customerId, PlaceOrderRequest request) {
    if (request.shippingAddress() != null) {
      return request.shippingAddress();
    }
    CustomerSummary customer =
        steps
            .customer(customerId)
            .orElseThrow(
                () ->
                    new DependencyUnavailableException(
                        "The customer directory did not answer; nothing was ordered."));
    if (customer.defaultAddress() == null) {
      throw new ShippingAddressRequiredException(
          "Give a shippingAddress, or save a default address in your profile.");
    }
    return customer.defaultAddress();
  }
}
