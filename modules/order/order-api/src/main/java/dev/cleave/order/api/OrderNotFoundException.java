package dev.cleave.order.api;

import dev.cleave.kernel.DomainException;

public class OrderNotFoundException extends DomainException {

  public OrderNotFoundException(String orderId) {
    super(
        Kind.NOT_FOUND,
        "order-not-found",
        "Order not found",
        "No order " + orderId + " is yours to see.");
  }

  /** The exception a remote caller rebuilds from this problem's {@code detail}, kept verbatim. */
  public static OrderNotFoundException fromProblem(String detail) {
    return new OrderNotFoundException(detail, true);
  }

  @SuppressWarnings(
      "UnusedVariable") // the flag only sets this constructor apart from the public one
  private OrderNotFoundException(String detail, boolean fromProblem) {
    super(Kind.NOT_FOUND, "order-not-found", "Order not found", detail);
  }
}
