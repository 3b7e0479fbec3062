package dev.cleave.payment.api;

import dev.cleave.kernel.DomainException;

public class IdempotencyKeyReusedException extends DomainException {

  public IdempotencyKeyReusedException(String detail) {
    super(Kind.UNPROCESSABLE, "idempotency-key-reused", "Idempotency key reused", detail);
  }
}
