package dev.cleave.product.internal.application;

import dev.cleave.platform.validation.ValidatedContract;
import dev.cleave.product.api.Inventory;
import dev.cleave.product.api.ReservationConflictException;
import dev.cleave.product.api.ReservationDetails;
import dev.cleave.product.api.ReservationNotFoundException;
import dev.cleave.product.api.ReservationStatus;
import dev.cleave.product.api.ReservedLine;
import dev.cleave.product.api.StockReservation;
import dev.cleave.product.internal.domain.InventoryItem;
import dev.cleave.product.internal.domain.InventoryRepository;
import dev.cleave.product.internal.domain.Product;
import dev.cleave.product.internal.domain.ProductRepository;
import dev.cleave.product.internal.domain.Reservation;
import dev.cleave.product.internal.domain.ReservationLine;
import dev.cleave.product.internal.domain.ReservationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The in-process binding of {@link Inventory}. Each call is one local transaction that locks the
 * reservation row first and the inventory rows second (in product-id order), on every path, so
 * concurrent reservations, commits, releases and the expiry sweep serialize per product without
 * deadlocking, and the database checks ({@code 0 <= reserved <= on_hand}) back every step.
 */
@ApplicationScoped
@Transactional
@ValidatedContract
public class DefaultInventory implements Inventory {

  @Inject ReservationRepository reservations;

  @Inject InventoryRepository inventory;

  @Inject ProductRepository products;

  @Inject ProductConfig config;

  @Inject Clock clock;

  @Override
  public ReservationDetails reserve(String orderId, StockReservation request) {
    SortedMap<Long, Integer> quantities =
        request.lines().stream()
            .collect(
                Collectors.toMap(
                    ReservedLine::productId, ReservedLine::quantity, Integer::sum, TreeMap::new));
    var existing = reservations.lock(orderId);
    if (existing.isPresent()) {
      if (!existing.get().isFor(quantities)) {
        throw new ReservationConflictException(
            "Order " + orderId + " already has a reservation for other lines.");
      }
      return ProductMapping.details(existing.get());
    }
    Map<Long, InventoryItem> items =
        inventory.lock(quantities.keySet()).stream()
            .collect(Collectors.toMap(InventoryItem::productId, Function.identity()));
    Set<Long> active =
        products.findAll(quantities.keySet()).stream()
            .filter(Product::isActive)
            .map(Product::id)
            .collect(Collectors.toSet());
    Set<Long> unavailable = new HashSet<>();
    quantities.forEach(
        (productId, quantity) -> {
          InventoryItem item = items.get(productId);
          if (!active.contains(productId) || item == null || item.available() < quantity) {
            unavailable.add(productId);
          }
        });
    Reservation reservation;
    if (unavailable.isEmpty()) {
      quantities.forEach((productId, quantity) -> items.get(productId).reserve(quantity, clock));
      reservation = Reservation.held(orderId, quantities, config.reservationTtl(), clock);
    } else {
      reservation =
          Reservation.rejected(orderId, quantities, unavailable, config.reservationTtl(), clock);
    }
    if (!reservations.add(reservation)) {
      throw new ReservationConflictException(
          "A reservation for order "
              + orderId
              + " is being made concurrently; "
              + "repeat the request to get its outcome.");
    }
    return ProductMapping.details(reservation);
  }

  @Override
  public ReservationDetails commit(String orderId) {
    Reservation reservation = locked(orderId);
    if (reservation.status() == ReservationStatus.RELEASED
        || reservation.status() == ReservationStatus.REJECTED
        || reservation.status() == ReservationStatus.RESTOCKED) {
      throw new ReservationConflictException(
          "The reservation of order "
              + orderId
              + " is "
              + reservation.status().name().toLowerCase(Locale.ROOT)
              + "; its stock cannot be committed.");
    }
    if (reservation.commit(clock)) {
      Map<Long, InventoryItem> items = inventoryOf(reservation);
      reservation
          .lines()
          .forEach(line -> items.get(line.productId()).commitReserved(line.quantity(), clock));
    }
    return ProductMapping.details(reservation);
  }

  @Override
  public ReservationDetails release(String orderId) {
    Reservation reservation = locked(orderId);
    if (reservation.status() == ReservationStatus.COMMITTED
        || reservation.status() == ReservationStatus.RESTOCKED) {
      throw new ReservationConflictException(
          "The reservation of order "
              + orderId
              + " is "
              + reservation.status().name().toLowerCase(Locale.ROOT)
              + "; its stock has left and cannot be released.");
    }
    releaseHeld(reservation);
    return ProductMapping.details(reservation);
  }

  @Override
  public ReservationDetails restock(String orderId) {
    Reservation reservation = locked(orderId);
    if (reservation.status() != ReservationStatus.COMMITTED
        && reservation.status() != ReservationStatus.RESTOCKED) {
      throw new ReservationConflictException(
          "The reservation of order "
              + orderId
              + " is "
              + reservation.status().name().toLowerCase(Locale.ROOT)
              + "; only committed stock can be restocked.");
    }
    if (reservation.restock(clock)) {
      Map<Long, InventoryItem> items = inventoryOf(reservation);
      reservation
          .lines()
          .forEach(line -> items.get(line.productId()).restock(line.quantity(), clock));
    }
    return ProductMapping.details(reservation);
  }

  /**
   * Releases the order's reservation if it is still held and expired before {@code now}; the expiry
   * sweep calls this once per candidate, each in its own transaction.
   *
   * @return true when it released the reservation
   */
  public boolean releaseIfExpired(String orderId, Instant now) {
    return reservations
        .lock(orderId)
        .filter(r -> r.status() == ReservationStatus.HELD && r.expiresAt().isBefore(now))
        .map(this::releaseHeld)
        .orElse(false);
  }

  /** Order ids of reservations still held that expired before {@code now}, oldest first. */
  public List<String> expiredReservations(Instant now, int limit) {
    return reservations.expired(now, limit);
  }

  private boolean releaseHeld(Reservation reservation) {
    if (!reservation.release(clock)) {
      return false;
    }
    Map<Long, InventoryItem> items = inventoryOf(reservation);
    reservation
        .lines()
        .forEach(line -> items.get(line.productId()).releaseReserved(line.quantity(), clock));
    return true;
  }

  private Reservation locked(String orderId) {
    return reservations.lock(orderId).orElseThrow(() -> new ReservationNotFoundException(orderId));
  }

  private Map<Long, InventoryItem> inventoryOf(Reservation reservation) {
    return inventory
        .lock(reservation.lines().stream().map(ReservationLine::productId).toList())
        .stream()
        .collect(Collectors.toMap(InventoryItem::productId, Function.identity()));
  }
}
