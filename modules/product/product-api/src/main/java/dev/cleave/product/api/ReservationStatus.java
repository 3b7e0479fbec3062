package dev.cleave.product.api;

/**
 * Where a reservation stands; {@code COMMITTED}, {@code RELEASED} and {@code REJECTED} are final.
 */
public enum ReservationStatus {
  /** The units are held for the order and unavailable to others. */
  HELD,
  /** The units left stock for the order. */
  COMMITTED,
  /** The units are available again (released by the saga, or expired). */
  RELEASED,
  /** Nothing was held: some line could not be served. */
  REJECTED,
  /** The committed units came back into stock (the order was cancelled after it was paid). */
  RESTOCKED
}
