package dev.cleave.order.internal.application;

import dev.cleave.kernel.DomainException;
import dev.cleave.kernel.Page;
import dev.cleave.order.api.CartItemRequest;
import dev.cleave.order.api.CartLimitException;
import dev.cleave.order.api.OrderStatus;
import dev.cleave.order.api.OrderSummary;
import dev.cleave.order.internal.domain.CartItem;
import dev.cleave.order.internal.domain.CartRepository;
import dev.cleave.order.internal.domain.Order;
import dev.cleave.order.internal.domain.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The order module's transactions, each short and committed on return ({@code REQUIRES_NEW}): the
 * saga never holds a transaction open while it calls another module, and every state it reaches is
 * in the database before the next step starts (what recovery re-drives from). Reads join the
 * caller's transaction or run in one of their own ({@code REQUIRED}), never without: outside a
 * transaction Liberty's local-transaction containment and Hibernate's connection release clash at
 * the end of the call (J2CA0026E/DSRA9400E with stack traces on every read, measured in the
 * checkout benchmark).
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class OrderTransactions {

  /**
   * Another submission under the same key won the insert; read its order instead. A refusal, so
   * that it leaves the transaction without an FFDC incident; {@code OrderService} catches it, no
   * client sees it.
   */
  static class DuplicateSubmissionException extends DomainException {
    DuplicateSubmissionException() {
      super(
          Kind.CONFLICT,
          "duplicate-submission",
          "Duplicate submission",
          "Another submission under the same idempotency key made the order.");
    }
  }

  @Inject OrderRepository orders;

  @Inject CartRepository carts;

  @Inject Clock clock;

  @Transactional(TxType.REQUIRED)
  public Optional<Order> find(UUID id) {
    return orders.find(id);
  }

  /**
   * What a submission under an idempotency key finds: the order an earlier submission made under
   * it, or else the cart to order.
   */
  public record Submission(Optional<Order> earlier, List<CartItem> cart) {}

  /**
   * Reads the customer's cart, then the order under the key, in one transaction. In that order: a
   * concurrent submission inserts its order and empties the cart in one commit, so a cart read
   * after that commit is followed by a key read that sees the order, and an empty cart is never
   * mistaken for "nothing to order" while its order is there to replay.
   */
  @Transactional(TxType.REQUIRED)
  public Submission submission(String customerId, String idempotencyKey) {
    List<CartItem> cart = carts.items(customerId);
    return new Submission(orders.findByKey(customerId, idempotencyKey), cart);
  }

  @Transactional(TxType.REQUIRED)
  public Optional<Order> findByKey(String customerId, String idempotencyKey) {
    return orders.findByKey(customerId, idempotencyKey);
  }

  /**
   * Saves a new order and takes its products out of the cart, in one transaction.
   *
   * @throws DuplicateSubmissionException when the customer already has an order under its key
   */
  public void create(Order order) {
    if (!orders.add(order)) {
      throw new DuplicateSubmissionException();
    }
    carts.removeAll(
        order.customerId(), order.lines().stream().map(line -> line.productId()).toList());
  }

  /**
   * Moves the order from {@code from} to {@code to} under its row lock.
   *
   * @return the moved order; empty when it was no longer in {@code from} (another driver moved it)
   */
  public Optional<Order> transition(UUID id, OrderStatus from, OrderStatus to, String reason) {
    Order order = orders.lock(id).orElseThrow();
    if (order.status() != from) {
      return Optional.empty();
    }
    order.moveTo(to, reason, clock);
    return Optional.of(order);
  }

  /**
   * Claims an unfinished order for one recovery attempt: true when it still has not changed since
   * {@code before} (then its change time moves to now, so that no other recovery run, on this
   * server or another, takes it for the next {@code recovery-after}).
   */
  public boolean claimForRecovery(UUID id, Instant before) {
    Order order = orders.lock(id).orElseThrow();
    if (order.status().isSettled() || !order.updatedAt().isBefore(before)) {
      return false;
    }
    order.recoveryAttempted(clock);
    return true;
  }

  @Transactional(TxType.REQUIRED)
  public List<UUID> unfinishedSince(Instant before, int limit) {
    return orders.unfinishedSince(before, limit);
  }

  @Transactional(TxType.REQUIRED)
  public Page<OrderSummary> list(String customerId, OrderStatus status, int page, int size) {
    return orders.list(customerId, status, page, size);
  }

  @Transactional(TxType.REQUIRED)
  public List<CartItem> cart(String customerId) {
    return carts.items(customerId);
  }

  /**
   * Adds units of a product to the cart, within the cart's limits; returns the cart after the
   * change.
   */
  public List<CartItem> addToCart(String customerId, long productId, int quantity) {
    requireRoomFor(customerId, productId);
    if (!carts.add(customerId, productId, quantity, clock.instant())) {
      throw new CartLimitException(
          "A cart holds at most " + CartItemRequest.MAX_QUANTITY + " units of a product.");
    }
    return carts.items(customerId);
  }

  /**
   * Sets a product's units in the cart, within the cart's limits; returns the cart after the
   * change.
   */
  public List<CartItem> setInCart(String customerId, long productId, int quantity) {
    requireRoomFor(customerId, productId);
    carts.set(customerId, productId, quantity, clock.instant());
    return carts.items(customerId);
  }

  public void removeFromCart(String customerId, long productId) {
    carts.remove(customerId, productId);
  }

  private void requireRoomFor(String customerId, long productId) {
    // Product ids only (not entities): the cart is read again after the change, and entities loaded
    // before a native upsert would come back from the persistence context with stale quantities.
    List<Long> products = carts.productIds(customerId);
    if (!products.contains(productId) && products.size() >= CartItemRequest.MAX_LINES) {
      throw new CartLimitException(
          "A cart holds at most " + CartItemRequest.MAX_LINES + " different products.");
    }
  }
}
