package dev.cleave.product.internal.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The stock of each product: one inventory item per product, keyed by the product's id. */
public interface InventoryRepository {

  Optional<InventoryItem> find(long productId);

  void add(InventoryItem item);

  /**
   * The inventory items of these products, locked until the transaction ends, in product-id order.
   */
  List<InventoryItem> lock(Collection<Long> productIds);
}
