package dev.cleave.order.api;

import dev.cleave.kernel.Money;
import java.time.Instant;

/** An order in a list. */
public record OrderSummary(
    String id,
    String customerId,
    OrderStatus status,
    Money total,
    Instant placedAt,
    Instant updatedAt) {}
