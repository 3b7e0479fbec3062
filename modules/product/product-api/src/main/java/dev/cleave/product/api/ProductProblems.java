package dev.cleave.product.api;

import dev.cleave.kernel.DomainException;
import java.util.Map;
import java.util.function.Function;

/**
 * The product module's problem types and how a remote caller rebuilds each as the exception the
 * in-process binding throws (from the problem's {@code detail}). Every {@link DomainException} of
 * this package is listed; an architecture test holds that.
 */
public final class ProductProblems {

  public static final Map<String, Function<String, DomainException>> TYPES =
      Map.of(
          "product-not-found", ProductNotFoundException::fromProblem,
          "duplicate-sku", DuplicateSkuException::fromProblem,
          "unknown-category", UnknownCategoryException::fromProblem,
          "reservation-not-found", ReservationNotFoundException::fromProblem,
          "reservation-conflict", ReservationConflictException::new);

  private ProductProblems() {}
}
