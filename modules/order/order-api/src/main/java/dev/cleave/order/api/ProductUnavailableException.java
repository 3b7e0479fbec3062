package dev.cleave.order.api;

import dev.cleave.kernel.DomainException;

public class ProductUnavailableException extends DomainException {

  public ProductUnavailableException(String detail) {
    super(Kind.UNPROCESSABLE, "product-unavailable", "Product unavailable", detail);
  }
}
