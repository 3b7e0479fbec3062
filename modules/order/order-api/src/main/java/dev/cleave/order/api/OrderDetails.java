package dev.cleave.order.api;

import dev.cleave.kernel.Money;
import dev.cleave.payment.api.CardBrand;
import dev.cleave.user.api.Address;
import java.time.Instant;
import java.util.List;

/**
 * An order as its customer (or an administrator) sees it.
 *
 * @param id the order id
 * @param customerId who placed it
 * @param status where it stands
 * @param failureReason why it was rejected, declined or failed; {@code null} otherwise
 * @param lines the products with their price snapshot
 * @param total the sum of the lines
 * @param shippingAddress where it ships
 * @param cardBrand the brand of the card it is paid with
 * @param cardLast4 that card's last four digits
 * @param placedAt when it was placed
 * @param updatedAt when its status last changed
 */
public record OrderDetails(
    String id,
    String customerId,
    OrderStatus status,
    String failureReason,
    List<OrderLine> lines,
    Money total,
    Address shippingAddress,
    CardBrand cardBrand,
    String cardLast4,
    Instant placedAt,
    Instant updatedAt) {}
