package dev.cleave.payment.internal.domain;

import dev.cleave.payment.api.AuthorizationRequest;
import dev.cleave.payment.api.PaymentMethodRequest;
import dev.cleave.platform.security.Sha256;

/**
 * What decides whether a repeated request is "the same request": SHA-256 over its fields in a fixed
 * text form. For an authorization: customer, amount, currency and payment method token. For a
 * payment method: customer, card brand, last four digits and expiry; the full card number and the
 * security code are left out on purpose, so that nothing derived from them is stored (a hash of a
 * 16-digit number with a known prefix is easy to reverse).
 */
public final class RequestFingerprint {

  private RequestFingerprint() {}

  public static String of(AuthorizationRequest request) {
    return Sha256.hex(
        String.join(
            "\n",
            request.customerId(),
            request.amount().amount().toPlainString(),
            request.amount().currency(),
            request.paymentMethod()));
  }

  public static String of(PaymentMethodRequest request) {
    return Sha256.hex(
        String.join(
            "\n",
            request.customerId(),
            request.card().brand().name(),
            request.card().last4(),
            request.card().expiryMonth() + "/" + request.card().expiryYear()));
  }
}
