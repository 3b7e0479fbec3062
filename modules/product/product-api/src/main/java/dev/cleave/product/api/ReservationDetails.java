package dev.cleave.product.api;

import java.time.Instant;
import java.util.List;

/**
 * A reservation as the order module sees it.
 *
 * @param orderId the order
 * @param status where it stands
 * @param lines the reserved lines, by product id
 * @param unavailableProductIds for a rejected reservation, the products that could not be served
 * @param expiresAt when a reservation still held is released by the module
 */
public record ReservationDetails(
    String orderId,
    ReservationStatus status,
    List<ReservedLine> lines,
    List<Long> unavailableProductIds,
    Instant expiresAt) {}
