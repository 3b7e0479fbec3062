package dev.cleave.order.internal.domain;

import dev.cleave.order.api.MixedCurrenciesException;
import dev.cleave.order.api.ProductUnavailableException;
import dev.cleave.product.api.ProductSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A cart priced from the catalog now, as an order copies it: every product still sold, one
 * currency, each line at the product's current price. Later price changes do not touch the order.
 *
 * @param lines the order's lines, in cart order
 * @param currency the one currency of every line
 */
public record PricedCart(List<OrderLineItem> lines, String currency) {

  /**
   * Prices the cart.
   *
   * @param quantities units per product id, in cart order (not empty)
   * @param products the catalog's snapshots by product id; a product it does not know is gone
   * @throws ProductUnavailableException when a product is gone or no longer sold (all are named)
   * @throws MixedCurrenciesException when the products are priced in more than one currency
   */
  public static PricedCart of(Map<Long, Integer> quantities, Map<Long, ProductSnapshot> products) {
    if (quantities.isEmpty()) {
      throw new IllegalArgumentException("an empty cart has no price");
    }
    Set<Long> unavailable = new TreeSet<>();
    for (long productId : quantities.keySet()) {
      ProductSnapshot product = products.get(productId);
      if (product == null || !product.active()) {
        unavailable.add(productId);
      }
    }
    if (!unavailable.isEmpty()) {
      throw new ProductUnavailableException(
          "These products are no longer sold; remove them from the cart: " + unavailable + ".");
    }
    Set<String> currencies =
        quantities.keySet().stream()
            .map(id -> products.get(id).price().currency())
            .collect(Collectors.toCollection(TreeSet::new));
    if (currencies.size() > 1) {
      throw new MixedCurrenciesException(
          "The cart mixes currencies " + currencies + "; an order is paid in one.");
    }
    List<OrderLineItem> lines =
        quantities.entrySet().stream()
            .map(
                line -> {
                  ProductSnapshot product = products.get(line.getKey());
                  return new OrderLineItem(
                      product.id(),
                      product.sku(),
                      product.name(),
                      product.price().amount(),
                      line.getValue());
                })
            .toList();
    return new PricedCart(lines, currencies.iterator().next());
  }
}
