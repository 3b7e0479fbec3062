package dev.cleave.order.api;

import dev.cleave.kernel.DomainException;

public class OrderNotCancellableException extends DomainException {

  public OrderNotCancellableException(String detail) {
    super(Kind.CONFLICT, "order-not-cancellable", "Order cannot be cancelled", detail);
  }
}
