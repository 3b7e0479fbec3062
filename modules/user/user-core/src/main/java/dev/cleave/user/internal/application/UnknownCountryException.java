package dev.cleave.user.internal.application;

import dev.cleave.kernel.DomainException;

/** An address names a country code that ISO 3166-1 does not assign. */
class UnknownCountryException extends DomainException {

  UnknownCountryException(String code) {
    super(
        Kind.UNPROCESSABLE,
        "unknown-country",
        "Unknown country",
        "There is no ISO 3166-1 country with code " + code + ".");
  }
}
