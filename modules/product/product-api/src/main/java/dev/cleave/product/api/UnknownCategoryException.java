package dev.cleave.product.api;

import dev.cleave.kernel.DomainException;

/** The request names a category that does not exist. */
public class UnknownCategoryException extends DomainException {

  public UnknownCategoryException(String slug) {
    super(
        Kind.UNPROCESSABLE,
        "unknown-category",
        "Unknown category",
        "There is no category '" + slug + "'.");
  }

  /** The exception a remote caller rebuilds from this problem's {@code detail}, kept verbatim. */
  public static UnknownCategoryException fromProblem(String detail) {
    return new UnknownCategoryException(detail, true);
  }

  @SuppressWarnings(
      "UnusedVariable") // the flag only sets this constructor apart from the public one
  private UnknownCategoryException(String detail, boolean fromProblem) {
    super(Kind.UNPROCESSABLE, "unknown-category", "Unknown category", detail);
  }
}
