package dev.cleave.product.api;

import dev.cleave.kernel.DomainException;

/** The request names a category that does not exist. */
public class UnknownCategoryException extends DomainException {

  public UnknownCategoryException(String slug) {
    super(Kind.UNPROCESSABLE, "unknown-category", "Unknown category", "There is no category '" + slug + "'.");
  }
}
