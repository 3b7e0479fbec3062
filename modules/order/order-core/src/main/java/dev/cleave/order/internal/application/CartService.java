package dev.cleave.order.internal.application;

import dev.cleave.kernel.Money;
import dev.cleave.order.api.CartLine;
import dev.cleave.order.api.CartView;
import dev.cleave.order.api.DependencyUnavailableException;
import dev.cleave.order.api.ProductUnavailableException;
import dev.cleave.order.internal.domain.CartItem;
import dev.cleave.product.api.ProductSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The caller's server-side cart, priced from the catalog at every read. */
@ApplicationScoped
public class CartService {

  @Inject OrderTransactions transactions;

  @Inject CheckoutSteps steps;

  public CartView view(String customerId) {
    List<CartItem> items = transactions.cart(customerId);
    if (items.isEmpty()) {
      return new CartView(List.of(), 0, null);
    }
    return view(
        items, products(items.stream().map(CartItem::productId).collect(Collectors.toSet())));
  }

  private static CartView view(List<CartItem> items, Map<Long, ProductSnapshot> products) {
    List<CartLine> lines = new ArrayList<>();
    int units = 0;
    BigDecimal sum = BigDecimal.ZERO;
    Set<String> currencies = new HashSet<>();
    for (CartItem item : items) {
      ProductSnapshot product = products.get(item.productId());
      units += item.quantity();
      if (product == null) {
        lines.add(new CartLine(item.productId(), null, null, null, item.quantity(), null, false));
        continue;
      }
      Money lineTotal =
          new Money(
              product.price().amount().multiply(BigDecimal.valueOf(item.quantity())),
              product.price().currency());
      lines.add(
          new CartLine(
              product.id(),
              product.sku(),
              product.name(),
              product.price(),
              item.quantity(),
              lineTotal,
              product.active()));
      if (product.active()) {
        sum = sum.add(lineTotal.amount());
        currencies.add(lineTotal.currency());
      }
    }
    Money total = currencies.size() == 1 ? new Money(sum, currencies.iterator().next()) : null;
    return new CartView(List.copyOf(lines), units, total);
  }

  public CartView add(String customerId, long productId, int quantity) {
    Map<Long, ProductSnapshot> products = requireSold(customerId, productId);
    return view(transactions.addToCart(customerId, productId, quantity), products);
  }

  public CartView set(String customerId, long productId, int quantity) {
    Map<Long, ProductSnapshot> products = requireSold(customerId, productId);
    return view(transactions.setInCart(customerId, productId, quantity), products);
  }

  public void remove(String customerId, long productId) {
    transactions.removeFromCart(customerId, productId);
  }

  /**
   * Checks that the product is sold, and prices it together with what the cart already holds (one
   * catalog call serves the check and the answer).
   */
  private Map<Long, ProductSnapshot> requireSold(String customerId, long productId) {
    Set<Long> ids =
        transactions.cart(customerId).stream().map(CartItem::productId).collect(Collectors.toSet());
    ids.add(productId);
    Map<Long, ProductSnapshot> products = products(ids);
    ProductSnapshot product = products.get(productId);
    if (product == null || !product.active()) {
      throw new ProductUnavailableException("Product " + productId + " is not sold.");
    }
    return products;
  }

  private Map<Long, ProductSnapshot> products(Set<Long> ids) {
    return steps
        .products(ids)
        .orElseThrow(
            () ->
                new DependencyUnavailableException(
                    "The catalog did not answer; try again shortly."))
        .stream()
        .collect(Collectors.toMap(ProductSnapshot::id, Function.identity()));
  }
}
