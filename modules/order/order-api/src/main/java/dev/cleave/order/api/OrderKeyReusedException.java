package dev.cleave.order.api;

import dev.cleave.kernel.DomainException;

public class OrderKeyReusedException extends DomainException {

  public OrderKeyReusedException(String detail) {
    super(Kind.UNPROCESSABLE, "idempotency-key-reused", "Idempotency key reused", detail);
  }
}
