package dev.cleave.payment.api;

/** Card brands, recognised from the issuer prefix of the number. */
public enum CardBrand {
  VISA,
  MASTERCARD,
  AMEX,
  DISCOVER,
  OTHER;

  /** The brand of a card number (digits only); {@link #OTHER} when no prefix matches. */
  public static CardBrand of(String number) {
    if (number == null || number.length() < 4 || !number.chars().allMatch(Character::isDigit)) {
      return OTHER;
    }
    int two = Integer.parseInt(number.substring(0, 2));
    int four = Integer.parseInt(number.substring(0, 4));
    if (number.charAt(0) == '4') {
      return VISA;
    }
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
      return MASTERCARD;
    }
    if (two == 34 || two == 37) {
      return AMEX;
    }
    if (four == 6011 || two == 65) {
      return DISCOVER;
    }
    return OTHER;
  }
}
