package dev.cleave.product.api;

import dev.cleave.kernel.DomainException;

/** Another product already uses this SKU. */
public class DuplicateSkuException extends DomainException {

  public DuplicateSkuException(String sku) {
    super(Kind.CONFLICT, "A product with SKU " + sku + " already exists.");
  }

  @Override
  public String problemType() {
    return "duplicate-sku";
  }

  @Override
  public String title() {
    return "Duplicate SKU";
  }
}
