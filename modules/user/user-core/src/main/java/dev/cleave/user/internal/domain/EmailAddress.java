package dev.cleave.user.internal.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * E-mail addresses as accounts know them: trimmed, Unicode NFC, lower case. Two spellings that
 * differ only in case or surrounding white space are the same account.
 */
public final class EmailAddress {

  /** One '@', no white space or control characters, a dot in the domain; RFC 5321 length limits. */
  private static final Pattern SHAPE =
      Pattern.compile("[^\\s\\p{Cc}@]{1,64}@[^\\s\\p{Cc}@.][^\\s\\p{Cc}@]*\\.[^\\s\\p{Cc}@.]+");

  private EmailAddress() {}

  /** The normalized form of {@code raw}, or empty when it is not an e-mail address. */
  public static Optional<String> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String normalized =
        Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    if (normalized.length() > 254 || !SHAPE.matcher(normalized).matches()) {
      return Optional.empty();
    }
    return Optional.of(normalized);
  }
}
