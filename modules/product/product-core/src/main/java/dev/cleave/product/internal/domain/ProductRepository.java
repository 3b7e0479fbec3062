package dev.cleave.product.internal.domain;

import dev.cleave.kernel.Page;
import dev.cleave.product.api.CategorySummary;
import dev.cleave.product.api.ProductSummary;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Products, their categories and their stock, as the application layer needs them. */
public interface ProductRepository {

  Optional<Product> find(long id);

  List<Product> findAll(Collection<Long> ids);

  boolean skuExists(String sku);

  /** Adds a new product and assigns its id. */
  Product add(Product product);

  Optional<Category> findCategory(String slug);

  /** All categories with the number of active products in each, by name. */
  List<CategorySummary> categories();

  Optional<InventoryItem> inventory(long productId);

  void add(InventoryItem item);

  /**
   * The inventory items of these products, locked until the transaction ends, in product-id order.
   */
  List<InventoryItem> lockInventory(Collection<Long> productIds);

  /** The reservation of an order, locked until the transaction ends. */
  Optional<Reservation> lockReservation(String orderId);

  /**
   * Adds a new reservation now.
   *
   * @return false, adding nothing, when the order has a reservation already (made concurrently)
   */
  boolean add(Reservation reservation);

  /**
   * Order ids of reservations still held that expired before {@code now}, oldest first, at most
   * {@code limit}. Not locked: the caller locks and re-checks each one.
   */
  List<String> expiredReservations(Instant now, int limit);

  /** Runs a catalog search over active products. */
  Page<ProductSummary> search(ProductSearch search);
}
