package dev.cleave.payment.api;

import java.time.Instant;

/**
 * A card kept by the processor, known to Cleave by its token, brand, last four digits and expiry
 * only: an authorization names the token, so a payment can be authorized later (the checkout saga's
 * recovery does, after an outage) without anyone storing the card number.
 *
 * @param token the processor's token ({@code pm_} and 24 letters or digits)
 * @param customerId whose method it is
 * @param cardBrand the card's brand
 * @param cardLast4 the card's last four digits
 * @param expiryMonth 1 to 12
 * @param expiryYear four digits
 * @param createdAt when it was issued
 */
public record PaymentMethod(
    String token,
    String customerId,
    CardBrand cardBrand,
    String cardLast4,
    int expiryMonth,
    int expiryYear,
    Instant createdAt) {

  /** Tokens as the processor issues them. */
  public static final String TOKEN = "pm_[A-Za-z0-9]{24}";
}
