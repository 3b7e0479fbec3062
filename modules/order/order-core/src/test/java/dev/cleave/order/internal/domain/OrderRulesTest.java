package dev.cleave.order.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.kernel.Money;
import dev.cleave.order.api.OrderStatus;
import dev.cleave.order.api.PlaceOrderRequest;
import dev.cleave.payment.api.CardBrand;
import dev.cleave.payment.api.CardDetails;
import dev.cleave.user.api.Address;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderRulesTest {

  private static final Address HOME =
      new Address("Ada", "1 Street", null, "10115", "Berlin", null, "DE", false);
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

  private Order order() {
    return new Order(
        UUID.randomUUID(),
        "customer-1",
        "key-1",
        "f".repeat(64),
        List.of(
            new OrderLineItem(7, "B", "Bowl", new BigDecimal("2.50"), 3),
            new OrderLineItem(3, "A", "Apple", new BigDecimal("0.99"), 1)),
        "EUR",
        CardBrand.VISA,
        "4242",
        "pm_" + "a".repeat(24),
        DeliveryAddress.of(HOME),
        clock);
  }

  @Test
  void anOrderTotalsItsSnapshotLinesInProductOrder() {
    Order order = order();
    assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
    assertThat(order.total()).isEqualTo(Money.of("8.49", "EUR"));
    assertThat(order.lines()).extracting(OrderLineItem::productId).containsExactly(3L, 7L);
    assertThat(order.sagaDuration()).isEmpty();
  }

  @Test
  void onlyTheSagasArrowsAreAllowed() {
    Order order = order();
    for (OrderStatus skip :
        EnumSet.complementOf(
            EnumSet.of(OrderStatus.STOCK_RESERVED, OrderStatus.REJECTED, OrderStatus.FAILED))) {
      assertThat(order.canMoveTo(skip)).as("PLACED -> " + skip).isFalse();
    }
    assertThatThrownBy(() -> order.moveTo(OrderStatus.CONFIRMED, null, clock))
        .isInstanceOf(IllegalStateException.class);
    order.moveTo(OrderStatus.STOCK_RESERVED, null, clock);
    order.moveTo(OrderStatus.PAYMENT_AUTHORIZED, null, clock);
    Clock later = Clock.offset(clock, Duration.ofMillis(250));
    order.moveTo(OrderStatus.CONFIRMED, null, later);
    assertThat(order.sagaDuration()).contains(Duration.ofMillis(250));
    assertThat(order.canMoveTo(OrderStatus.FAILED)).isFalse();
    order.moveTo(OrderStatus.CANCELLING, null, later);
    assertThat(order.sagaDuration()).as("running again").isEmpty();
    order.moveTo(OrderStatus.CANCELLED, null, later);
    assertThat(EnumSet.allOf(OrderStatus.class)).noneMatch(order::canMoveTo);
  }

  @Test
  void failureStatesAreFinalAndKeepTheirReason() {
    Order order = order();
    order.moveTo(OrderStatus.STOCK_RESERVED, null, clock);
    order.moveTo(OrderStatus.PAYMENT_DECLINED, "The card was declined (card_declined).", clock);
    assertThat(order.status().isSettled()).isTrue();
    assertThat(order.failureReason()).contains("card_declined");
    assertThat(EnumSet.allOf(OrderStatus.class)).noneMatch(order::canMoveTo);
  }

  @Test
  void theSubmissionFingerprintIgnoresTheCardNumberButNotTheAddressOrCard() {
    PlaceOrderRequest base =
        new PlaceOrderRequest(new CardDetails("4242424242424242", 12, 2030, "123"), HOME);
    String fingerprint = OrderFingerprint.of(base);
    assertThat(
            OrderFingerprint.of(
                new PlaceOrderRequest(new CardDetails("4242424242424242", 12, 2030, "999"), HOME)))
        .as("the security code is not part of it")
        .isEqualTo(fingerprint);
    assertThat(OrderFingerprint.of(new PlaceOrderRequest(base.card(), null)))
        .isNotEqualTo(fingerprint);
    assertThat(
            OrderFingerprint.of(
                new PlaceOrderRequest(new CardDetails("5555555555554444", 12, 2030, "123"), HOME)))
        .isNotEqualTo(fingerprint);
    assertThat(
            OrderFingerprint.of(
                new PlaceOrderRequest(
                    base.card(),
                    new Address("Ada", "2 Street", null, "10115", "Berlin", null, "DE", false))))
        .isNotEqualTo(fingerprint);
  }
}
