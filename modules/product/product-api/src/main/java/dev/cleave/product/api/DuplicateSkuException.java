package dev.cleave.product.api;

import dev.cleave.kernel.DomainException;

/** Another product already uses this SKU. */
public class DuplicateSkuException extends DomainException {

  public DuplicateSkuException(String sku) {
    super(
        Kind.CONFLICT,
        "duplicate-sku",
        "Duplicate SKU",
        "A product with SKU " + sku + " already exists.");
  }

  /** The exception a remote caller rebuilds from this problem's {@code detail}, kept verbatim. */
  public static DuplicateSkuException fromProblem(String detail) {
    return new DuplicateSkuException(detail, true);
  }

  @SuppressWarnings(
      "UnusedVariable") // the flag only sets this constructor apart from the public one
  private DuplicateSkuException(String detail, boolean fromProblem) {
    super(Kind.CONFLICT, "duplicate-sku", "Duplicate SKU", detail);
  }
}
