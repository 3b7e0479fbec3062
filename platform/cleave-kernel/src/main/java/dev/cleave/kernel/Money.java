package dev.cleave.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one ISO 4217 currency, held as a decimal with exactly two fraction digits
 * (the database stores {@code NUMERIC(12,2)}). Never a floating-point number.
 *
 * @param amount the amount, scale 2; never {@code null}
 * @param currency the ISO 4217 code, for example {@code EUR}; never {@code null}
 */
public record Money(BigDecimal amount, String currency) {

  /** Largest amount a {@code NUMERIC(12,2)} column holds. */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if (!isKnownCurrency(currency)) {
      throw new IllegalArgumentException("unknown ISO 4217 currency: " + currency);
    }
    try {
      amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("amount has more than two fraction digits: " + amount, e);
    }
    if (amount.abs().compareTo(MAX_AMOUNT) > 0) {
      throw new IllegalArgumentException("amount out of range: " + amount);
    }
  }

  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(amount), currency);
  }

  /** True when {@code code} is an upper-case ISO 4217 code that the JDK knows. */
  public static boolean isKnownCurrency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
