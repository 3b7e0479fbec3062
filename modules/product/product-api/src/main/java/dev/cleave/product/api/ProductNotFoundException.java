package dev.cleave.product.api;

import dev.cleave.kernel.DomainException;

/** No (active, where that matters) product has this id. */
public class ProductNotFoundException extends DomainException {

  public ProductNotFoundException(long id) {
    super(Kind.NOT_FOUND, "Product " + id + " does not exist.");
  }

  @Override
  public String problemType() {
    return "product-not-found";
  }

  @Override
  public String title() {
    return "Product not found";
  }
}
