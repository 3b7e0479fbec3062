package dev.cleave.payment.internal.domain;

import dev.cleave.payment.api.CardBrand;
import dev.cleave.payment.api.PaymentMethod;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A payment method as the module keeps it: the processor's token and what may be shown of the card,
 * under the idempotency key it was registered with.
 */
public record StoredPaymentMethod(
    String methodKey,
    String token,
    String customerId,
    CardBrand cardBrand,
    String cardLast4,
    int expiryMonth,
    int expiryYear,
    String requestFingerprint,
    Instant createdAt) {

  public YearMonth expiry() {
    return YearMonth.of(expiryYear, expiryMonth);
  }

  public PaymentMethod toApi() {
    return new PaymentMethod(
        token, customerId, cardBrand, cardLast4, expiryMonth, expiryYear, createdAt);
  }
}
