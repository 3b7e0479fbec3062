package dev.cleave.product.internal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stock reservations, one per order. A caller that needs both locks the reservation here before
 * it locks inventory items ({@link InventoryRepository#lock}), on every path.
 */
public interface ReservationRepository {

  /** The reservation of an order, locked until the transaction ends. */
  Optional<Reservation> lock(String orderId);

  /**
   * Adds a new reservation now.
   *
   * @return false, adding nothing, when the order has a reservation already (made concurrently)
   */
  boolean add(Reservation reservation);

  /**
   * Order ids of reservations still held that expired before {@code now}, oldest first, at most
   * {@code limit}. Not locked: the caller locks and re-checks each one.
   */
  List<String> expired(Instant now, int limit);
}
