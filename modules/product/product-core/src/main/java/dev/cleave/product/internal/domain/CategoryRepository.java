package dev.cleave.product.internal.domain;

import dev.cleave.product.api.CategorySummary;
import java.util.List;
import java.util.Optional;

/** The catalog's categories. */
public interface CategoryRepository {

  Optional<Category> find(String slug);

  /** All categories with the number of active products in each, by name. */
  List<CategorySummary> summaries();
}
