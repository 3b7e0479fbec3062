package dev.cleave.order.api;

import dev.cleave.kernel.DomainException;

public class OrderNotFoundException extends DomainException {

  public OrderNotFoundException(String orderId) {
    super(Kind.NOT_FOUND, "order-not-found", "Order not found", "No order " + orderId + " is yours to see.");
  }
}
