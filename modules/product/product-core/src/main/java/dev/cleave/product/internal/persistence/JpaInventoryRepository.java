package dev.cleave.product.internal.persistence;

import dev.cleave.product.internal.domain.InventoryItem;
import dev.cleave.product.internal.domain.InventoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** {@link InventoryRepository} on the {@code product} persistence unit. */
@ApplicationScoped
public class JpaInventoryRepository implements InventoryRepository {

  @PersistenceContext(unitName = "product")
  EntityManager em;

  @Override
  public Optional<InventoryItem> find(long productId) {
    return Optional.ofNullable(em.find(InventoryItem.class, productId));
  }

  @Override
  public void add(InventoryItem item) {
    em.persist(item);
  }

  /**
   * One statement, rows locked in product-id order, so two orders never lock each other's rows
   * crosswise.
   */
  @Override
  public List<InventoryItem> lock(Collection<Long> productIds) {
    if (productIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select i from InventoryItem i where i.productId in :ids order by i.productId",
            InventoryItem.class)
        .setParameter("ids", productIds)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }
}
