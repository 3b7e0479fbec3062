package dev.cleave.product.internal.application;

import dev.cleave.kernel.DomainException;

/** A stock count below the units held for orders: those orders could no longer be served. */
class StockBelowReservedException extends DomainException {

  StockBelowReservedException(long productId, int counted, int reserved) {
    super(
        Kind.CONFLICT,
        "stock-below-reserved",
        "Stock below reserved units",
        "Product "
            + productId
            + " has "
            + reserved
            + " units reserved for orders; a count of "
            + counted
            + " would oversell them. Wait for the "
            + "orders to complete or be released.");
  }
}
