package dev.cleave.user.internal.application;

import dev.cleave.kernel.DomainException;

/** A login named an unknown e-mail address or the wrong password; both get this same answer. */
class InvalidCredentialsException extends DomainException {

  InvalidCredentialsException() {
    super(
        Kind.UNAUTHENTICATED,
        "invalid-credentials",
        "Invalid credentials",
        "The e-mail address or the password is wrong.");
  }
}
