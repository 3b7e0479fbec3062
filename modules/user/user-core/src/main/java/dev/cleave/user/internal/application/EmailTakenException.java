package dev.cleave.user.internal.application;

import dev.cleave.kernel.DomainException;

/** Another account has this e-mail address. */
class EmailTakenException extends DomainException {

  EmailTakenException() {
    super(
        Kind.CONFLICT,
        "email-taken",
        "E-mail address taken",
        "An account with this e-mail address exists already; log in instead.");
  }
}
