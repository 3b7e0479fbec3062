package dev.cleave.order.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.kernel.Money;
import dev.cleave.order.api.MixedCurrenciesException;
import dev.cleave.order.api.ProductUnavailableException;
import dev.cleave.product.api.ProductSnapshot;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricedCartTest {

  private static ProductSnapshot product(long id, String price, String currency, boolean active) {
    return new ProductSnapshot(
        id, "SKU-" + id, "Product " + id, new Money(new BigDecimal(price), currency), active);
  }

  private static Map<Long, Integer> cart(long... idsAndQuantities) {
    Map<Long, Integer> cart = new LinkedHashMap<>();
    for (int i = 0; i < idsAndQuantities.length; i += 2) {
      cart.put(idsAndQuantities[i], (int) idsAndQuantities[i + 1]);
    }
    return cart;
  }

  @Test
  void eachLineTakesTheProductsCurrentPriceInCartOrder() {
    PricedCart priced =
        PricedCart.of(
            cart(9, 2, 4, 1),
            Map.of(4L, product(4, "1.50", "EUR", true), 9L, product(9, "20.00", "EUR", true)));

    assertThat(priced.currency()).isEqualTo("EUR");
    assertThat(priced.lines()).extracting(OrderLineItem::productId).containsExactly(9L, 4L);
    assertThat(priced.lines().get(0).unitPrice()).isEqualByComparingTo("20.00");
    assertThat(priced.lines().get(0).quantity()).isEqualTo(2);
    assertThat(priced.lines().get(0).sku()).isEqualTo("SKU-9");
  }

  @Test
  void productsGoneOrNoLongerSoldAreAllNamed() {
    assertThatThrownBy(
            () ->
                PricedCart.of(
                    cart(1, 1, 2, 1, 3, 1),
                    Map.of(
                        1L, product(1, "1.00", "EUR", true), 3L, product(3, "1.00", "EUR", false))))
        .isInstanceOf(ProductUnavailableException.class)
        .hasMessageContaining("[2, 3]");
  }

  @Test
  void anOrderIsPaidInOneCurrency() {
    assertThatThrownBy(
            () ->
                PricedCart.of(
                    cart(1, 1, 2, 1),
                    Map.of(
                        1L, product(1, "1.00", "EUR", true), 2L, product(2, "1.00", "USD", true))))
        .isInstanceOf(MixedCurrenciesException.class)
        .hasMessageContaining("[EUR, USD]");
  }

  @Test
  void anEmptyCartHasNoPrice() {
    assertThatThrownBy(() -> PricedCart.of(Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
