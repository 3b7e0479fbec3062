package dev.cleave.product.api;

import dev.cleave.kernel.DomainException;

/** No (active, where that matters) product has this id. */
public class ProductNotFoundException extends DomainException {

  public ProductNotFoundException(long id) {
    super(
        Kind.NOT_FOUND,
        "product-not-found",
        "Product not found",
        "Product " + id + " does not exist.");
  }

  /** The exception a remote caller rebuilds from this problem's {@code detail}, kept verbatim. */
  public static ProductNotFoundException fromProblem(String detail) {
    return new ProductNotFoundException(detail, true);
  }

  @SuppressWarnings(
      "UnusedVariable") // the flag only sets this constructor apart from the public one
  private ProductNotFoundException(String detail, boolean fromProblem) {
    super(Kind.NOT_FOUND, "product-not-found", "Product not found", detail);
  }
}
