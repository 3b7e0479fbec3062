package dev.cleave.product.internal.application;

import dev.cleave.kernel.DomainException;

/** The price names a code that is not an ISO 4217 currency. */
class UnknownCurrencyException extends DomainException {

  UnknownCurrencyException(String code) {
    super(
        Kind.UNPROCESSABLE,
        "unknown-currency",
        "Unknown currency",
        "'" + code + "' is not an ISO 4217 currency code.");
  }
}
