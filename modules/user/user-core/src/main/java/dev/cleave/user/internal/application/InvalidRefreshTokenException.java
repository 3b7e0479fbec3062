package dev.cleave.user.internal.application;

import dev.cleave.kernel.DomainException;

/** A refresh token that cannot be exchanged (unknown, expired, revoked or reused). */
class InvalidRefreshTokenException extends DomainException {

  InvalidRefreshTokenException() {
    super(
        Kind.UNAUTHENTICATED,
        "invalid-refresh-token",
        "Invalid refresh token",
        "The refresh token is unknown, expired, revoked or used already; log in again.");
  }
}
