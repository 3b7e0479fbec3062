package dev.cleave.product.internal.application;

import dev.cleave.platform.validation.ValidatedContract;
import dev.cleave.product.api.ProductCatalog;
import dev.cleave.product.api.ProductSnapshot;
import dev.cleave.product.internal.domain.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;

/** The in-process binding of {@link ProductCatalog}. */
@ApplicationScoped
@Transactional
@ValidatedContract
public class DefaultProductCatalog implements ProductCatalog {

  @Inject ProductRepository products;

  @Override
  public List<ProductSnapshot> findProducts(Set<Long> ids) {
    return products.findAll(ids).stream().map(ProductMapping::snapshot).toList();
  }
}
