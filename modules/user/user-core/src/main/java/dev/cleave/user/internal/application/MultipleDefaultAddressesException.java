package dev.cleave.user.internal.application;

import dev.cleave.kernel.DomainException;

/** A profile update marks more than one address as the default. */
class MultipleDefaultAddressesException extends DomainException {

  MultipleDefaultAddressesException() {
    super(
        Kind.UNPROCESSABLE,
        "multiple-default-addresses",
        "More than one default address",
        "At most one address can be the default.");
  }
}
