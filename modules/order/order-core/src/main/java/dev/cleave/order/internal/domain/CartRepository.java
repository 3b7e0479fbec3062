package dev.cleave.order.internal.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Customers' carts. Each change is one atomic statement, so concurrent changes never lose units.
 */
public interface CartRepository {

  /** The customer's cart, oldest line first. */
  List<CartItem> items(String customerId);

  /**
   * Adds units to a line (creating it).
   *
   * @return false when the line would exceed the per-product limit (nothing changed)
   */
  boolean add(String customerId, long productId, int quantity, Instant now);

  /** Sets a line's units (creating it). */
  void set(String customerId, long productId, int quantity, Instant now);

  /** Removes a line; removing an absent line changes nothing. */
  void remove(String customerId, long productId);

  /** Removes the lines of these products (after they were ordered). */
  void removeAll(String customerId, Collection<Long> productIds);

  /** The ids of the products in the customer's cart. */
  List<Long> productIds(String customerId);
}
