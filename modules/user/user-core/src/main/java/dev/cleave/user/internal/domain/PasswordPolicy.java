package dev.cleave.user.internal.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} and at most {@value #MAX_LENGTH}
 * characters (Unicode code points, after NFC normalization), and not the account's e-mail address
 * in any case. Length, not composition rules, as current guidance (NIST SP 800-63B, OWASP)
 * recommends.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  /** The ways {@code password} breaks the policy, as messages for the {@code password} field. */
  public static List<String> problems(String password, String normalizedEmail) {
    List<String> problems = new ArrayList<>();
    String normalized = normalize(password);
    int length = normalized.codePointCount(0, normalized.length());
    if (length < MIN_LENGTH) {
      problems.add("must be at least " + MIN_LENGTH + " characters");
    } else if (length > MAX_LENGTH) {
      problems.add("must be at most " + MAX_LENGTH + " characters");
    }
    if (normalizedEmail != null
        && normalized.strip().toLowerCase(Locale.ROOT).equals(normalizedEmail)) {
      problems.add("must not be the e-mail address");
    }
    return problems;
  }

  /** Passwords are compared and hashed in NFC, so the same text typed on two keyboards matches. */
  public static String normalize(String password) {
    return Normalizer.normalize(password, Normalizer.Form.NFC);
  }
}
