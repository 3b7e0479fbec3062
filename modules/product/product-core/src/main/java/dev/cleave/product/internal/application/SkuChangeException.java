package dev.cleave.product.internal.application;

import dev.cleave.kernel.DomainException;

/** A replace request tried to change a product's SKU, which is immutable. */
class SkuChangeException extends DomainException {

  SkuChangeException(String current, String requested) {
    super(Kind.UNPROCESSABLE, "The SKU of a product cannot change (is " + current + ", request says "
        + requested + ").");
  }

  @Override
  public String problemType() {
    return "sku-immutable";
  }

  @Override
  public String title() {
    return "SKU cannot change";
  }
}
