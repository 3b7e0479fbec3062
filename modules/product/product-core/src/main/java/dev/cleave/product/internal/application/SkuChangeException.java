package dev.cleave.product.internal.application;

import dev.cleave.kernel.DomainException;

/** A replace request tried to change a product's SKU, which is immutable. */
class SkuChangeException extends DomainException {

  SkuChangeException(String current, String requested) {
    super(
        Kind.UNPROCESSABLE,
        "sku-immutable",
        "SKU cannot change",
        "The SKU of a product cannot change (is " + current + ", request says " + requested + ").");
  }
}
