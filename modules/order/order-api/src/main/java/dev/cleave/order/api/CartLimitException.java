package dev.cleave.order.api;

import dev.cleave.kernel.DomainException;

public class CartLimitException extends DomainException {

  public CartLimitException(String detail) {
    super(Kind.UNPROCESSABLE, "cart-limit", "Cart limit reached", detail);
  }
}
