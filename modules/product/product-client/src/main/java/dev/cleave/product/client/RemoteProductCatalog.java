package dev.cleave.product.client;

import dev.cleave.platform.remote.RemoteBinding;
import dev.cleave.product.api.ProductCatalog;
import dev.cleave.product.api.ProductProblems;
import dev.cleave.product.api.ProductSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * {@link ProductCatalog} served by the remote product service: the interface as a MicroProfile REST
 * client ({@link RemoteBinding}), presenting this service's token, with the module's problem
 * details turned back into the exceptions the in-process binding throws. A deployable packages this
 * class or the product module's core, never both.
 *
 * <p>Configuration: {@code cleave.product.url} ({@code CLEAVE_PRODUCT_URL}), the base URL of the
 * product service, and {@code cleave.remote.read-timeout} (default {@code PT1.8S}, below the
 * callers' step timeouts).
 */
@ApplicationScoped
public class RemoteProductCatalog extends RemoteBinding<ProductCatalog> implements ProductCatalog {

  public RemoteProductCatalog() {
    super(ProductCatalog.class, "product", ProductProblems.TYPES);
  }

  @Override
  public List<ProductSnapshot> findProducts(Set<Long> ids) {
    return remote().findProducts(ids);
  }
}
