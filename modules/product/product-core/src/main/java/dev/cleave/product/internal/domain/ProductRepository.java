package dev.cleave.product.internal.domain;

import dev.cleave.kernel.Page;
import dev.cleave.product.api.ProductSummary;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The catalog's products, and the shoppers' search over them. */
public interface ProductRepository {

  Optional<Product> find(long id);

  List<Product> findAll(Collection<Long> ids);

  boolean skuExists(String sku);

  /** Adds a new product and assigns its id. */
  Product add(Product product);

  /** Runs a catalog search over active products. */
  Page<ProductSummary> search(ProductSearch search);
}
