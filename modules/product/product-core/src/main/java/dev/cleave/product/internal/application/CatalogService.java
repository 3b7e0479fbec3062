package dev.cleave.product.internal.application;

import dev.cleave.kernel.Money;
import dev.cleave.kernel.Page;
import dev.cleave.product.api.CategorySummary;
import dev.cleave.product.api.DuplicateSkuException;
import dev.cleave.product.api.ProductDetails;
import dev.cleave.product.api.ProductNotFoundException;
import dev.cleave.product.api.ProductRequest;
import dev.cleave.product.api.ProductSummary;
import dev.cleave.product.api.UnknownCategoryException;
import dev.cleave.product.internal.domain.Category;
import dev.cleave.product.internal.domain.CategoryRepository;
import dev.cleave.product.internal.domain.InventoryItem;
import dev.cleave.product.internal.domain.InventoryRepository;
import dev.cleave.product.internal.domain.Product;
import dev.cleave.product.internal.domain.ProductRepository;
import dev.cleave.product.internal.domain.ProductSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Catalog use cases for shoppers and administrators; each call is one local transaction. */
@ApplicationScoped
@Transactional
public class CatalogService {

  @Inject ProductRepository products;

  @Inject CategoryRepository categories;

  @Inject InventoryRepository inventory;

  @Inject Clock clock;

  public Page<ProductSummary> search(ProductSearch search) {
    return products.search(search);
  }

  /** An active product; a deactivated one is as good as gone for shoppers. */
  public ProductDetails details(long id) {
    Product product =
        products
            .find(id)
            .filter(Product::isActive)
            .orElseThrow(() -> new ProductNotFoundException(id));
    return toDetails(product);
  }

  public List<CategorySummary> categories() {
    return categories.summaries();
  }

  public ProductDetails create(ProductRequest request) {
    String sku = request.sku();
    if (products.skuExists(sku)) {
      throw new DuplicateSkuException(sku);
    }
    Product product =
        new Product(
            sku,
            request.name(),
            request.description(),
            category(request.category()),
            price(request),
            clock);
    products.add(product);
    inventory.add(new InventoryItem(product.id(), 0, clock));
    return toDetails(product);
  }

  /** Replaces name, description, category and price; the SKU of a product cannot change. */
  public ProductDetails replace(long id, ProductRequest request) {
    Product product = products.find(id).orElseThrow(() -> new ProductNotFoundException(id));
    if (!product.sku().equals(request.sku())) {
      throw new SkuChangeException(product.sku(), request.sku());
    }
    product.describe(
        request.name(), request.description(), category(request.category()), price(request), clock);
    return toDetails(product);
  }

  /** Takes a product off sale; deactivating an inactive product again is a no-op. */
  public void deactivate(long id) {
    products.find(id).orElseThrow(() -> new ProductNotFoundException(id)).deactivate(clock);
  }

  /** Records a stock count for a product. */
  public ProductDetails setStock(long id, int onHand) {
    Product product = products.find(id).orElseThrow(() -> new ProductNotFoundException(id));
    inventory
        .find(id)
        .ifPresentOrElse(
            item -> {
              if (!item.count(onHand, clock)) {
                throw new StockBelowReservedException(id, onHand, item.reserved());
              }
            },
            () -> inventory.add(new InventoryItem(id, onHand, clock)));
    return toDetails(product);
  }

  private Category category(String slug) {
    return categories.find(slug).orElseThrow(() -> new UnknownCategoryException(slug));
  }

  private static Money price(ProductRequest request) {
    if (!Money.isKnownCurrency(request.currency())) {
      throw new UnknownCurrencyException(request.currency());
    }
    return new Money(request.price(), request.currency());
  }

  private ProductDetails toDetails(Product product) {
    return ProductMapping.details(
        product, inventory.find(product.id()).map(InventoryItem::available).orElse(0));
  }
}
