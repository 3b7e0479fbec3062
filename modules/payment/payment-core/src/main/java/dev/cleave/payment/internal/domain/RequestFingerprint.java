package dev.cleave.payment.internal.domain;

import dev.cleave.payment.api.AuthorizationRequest;
import dev.cleave.platform.security.Sha256;

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
    return Sha256.hex(canonical);
  }
}
