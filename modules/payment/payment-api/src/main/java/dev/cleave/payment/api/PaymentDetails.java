package dev.cleave.payment.api;

import dev.cleave.kernel.Money;
import java.time.Instant;

/**
 * A payment as recorded.
 *
 * @param paymentKey the idempotency key it was authorized under
 * @param customerId who pays
 * @param status where it stands
 * @param amount the authorized amount
 * @param cardBrand the card's brand
 * @param cardLast4 the card's last four digits (the only part of the number that is kept)
 * @param failure why it was declined or failed; {@code null} otherwise
 * @param createdAt when it was first requested
 * @param updatedAt when it last changed
 */
public record PaymentDetails(
    String paymentKey,
    String customerId,
    PaymentStatus status,
    Money amount,
    CardBrand cardBrand,
    String cardLast4,
    PaymentFailure failure,
    Instant createdAt,
    Instant updatedAt) {}
