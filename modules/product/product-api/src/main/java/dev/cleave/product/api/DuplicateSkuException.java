package dev.cleave.product.api;

import dev.cleave.kernel.DomainException;

/** Another product already uses this SKU. */
public class DuplicateSkuException extends DomainException {

  public DuplicateSkuException(String sku) {
    super(Kind.CONFLICT, "duplicate-sku", "Duplicate SKU", "A product with SKU " + sku + " already exists.");
  }
}
