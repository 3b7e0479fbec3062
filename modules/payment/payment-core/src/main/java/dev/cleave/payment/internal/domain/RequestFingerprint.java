package dev.cleave.payment.internal.domain;

import dev.cleave.payment.api.AuthorizationRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What decides whether a repeated authorization is "the same request": SHA-256 over customer,
 * amount, currency, card brand, last four digits and expiry, in a fixed text form. The full card
 * number and the security code are left out on purpose, so that nothing derived from them is stored
 * (a hash of a 16-digit number with a known prefix is easy to reverse).
 */
public final class RequestFingerprint {

  private RequestFingerprint() {
  }

  public static String of(AuthorizationRequest request) {
    String canonical = String.join("\n",
        request.customerId(),
        request.amount().amount().toPlainString(),
        request.amount().currency(),
        request.card().brand().name(),
        request.card().last4(),
        request.card().expiryMonth() + "/" + request.card().expiryYear());
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
