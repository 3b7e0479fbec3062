package dev.cleave.payment.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A payment card as the customer typed it. Spaces and dashes are not accepted: clients send digits.
 * {@link #toString()} shows the last four digits only, so a card never reaches a log in full.
 *
 * @param number 12 to 19 digits passing the Luhn check
 * @param expiryMonth 1 to 12
 * @param expiryYear four digits
 * @param cvc the 3 or 4 digit security code; checked for form, never stored
 */
public record CardDetails(
    @NotNull @Pattern(regexp = "[0-9]{12,19}", message = "must be 12 to 19 digits") @LuhnValid
        String number,
    @Min(1) @Max(12) int expiryMonth,
    @Min(2000) @Max(2099) int expiryYear,
    @NotNull @Pattern(regexp = "[0-9]{3,4}", message = "must be 3 or 4 digits") String cvc) {

  /** The last four digits (all of them for a malformed short number). */
  public String last4() {
    return number == null ? "" : number.substring(Math.max(0, number.length() - 4));
  }

  /** The brand, from the number's issuer prefix. */
  public CardBrand brand() {
    return CardBrand.of(number);
  }

  @Override
  public String toString() {
    return "CardDetails[number=**** "
        + last4()
        + ", expiry="
        + expiryMonth
        + "/"
        + expiryYear
        + ", cvc=***]";
  }
}
