package dev.cleave.order.api;

import dev.cleave.kernel.DomainException;

public class CartEmptyException extends DomainException {

  public CartEmptyException(String detail) {
    super(Kind.UNPROCESSABLE, "cart-empty", "Cart is empty", detail);
  }
}
