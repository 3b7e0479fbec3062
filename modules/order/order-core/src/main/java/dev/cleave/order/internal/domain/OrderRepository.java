package dev.cleave.order.internal.domain;

import dev.cleave.kernel.Page;
import dev.cleave.order.api.OrderStatus;
import dev.cleave.order.api.OrderSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Orders in the module's own schema. */
public interface OrderRepository {

  Optional<Order> find(UUID id);

  /** The order, its row locked until the transaction ends. */
  Optional<Order> lock(UUID id);

  Optional<Order> findByKey(String customerId, String idempotencyKey);

  /**
   * Inserts now: the unique (customer, idempotency key) decides between two first submissions.
   *
   * @return false when the customer already has an order under this key (the transaction is then
   *     marked for rollback)
   */
  boolean add(Order order);

  /**
   * One page of orders, newest first; {@code customerId} and {@code status} filter when not null.
   */
  Page<OrderSummary> list(String customerId, OrderStatus status, int page, int size);

  /**
   * Ids of orders whose saga has not finished and that have not changed since {@code before},
   * oldest first.
   */
  List<UUID> unfinishedSince(Instant before, int limit);
}
