package dev.cleave.order.internal.application;

import dev.cleave.kernel.Money;
import dev.cleave.order.api.OrderDetails;
import dev.cleave.order.api.OrderLine;
import dev.cleave.order.internal.domain.Order;
import java.util.List;

/** Translations between the order aggregate and the module's API records. */
final class OrderMapping {

  private OrderMapping() {}

  static OrderDetails details(Order order) {
    List<OrderLine> lines =
        order.lines().stream()
            .map(
                line ->
                    new OrderLine(
                        line.productId(),
                        line.sku(),
                        line.name(),
                        new Money(line.unitPrice(), order.currency()),
                        line.quantity(),
                        new Money(line.lineTotal(), order.currency())))
            .toList();
    return new OrderDetails(
        order.id().toString(),
        order.customerId(),
        order.status(),
        order.failureReason(),
        lines,
        order.total(),
        order.shippingAddress().toAddress(),
        order.cardBrand(),
        order.cardLast4(),
        order.placedAt(),
        order.updatedAt());
  }
}
