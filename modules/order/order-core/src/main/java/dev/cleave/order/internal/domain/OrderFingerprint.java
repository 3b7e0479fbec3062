package dev.cleave.order.internal.domain;

import dev.cleave.order.api.PlaceOrderRequest;
import dev.cleave.platform.security.Sha256;
import dev.cleave.user.api.Address;

/**
 * What decides whether a repeated {@code POST /orders} under one {@code Idempotency-Key} is "the
 * same request": SHA-256 over the card's brand, last four digits and expiry and the shipping
 * address. The full card number and the security code are left out on purpose, so that nothing
 * derived from them is stored.
 */
public final class OrderFingerprint {

  private OrderFingerprint() {}

  public static String of(PlaceOrderRequest request) {
    StringBuilder text =
        new StringBuilder()
            .append(request.card().brand())
            .append('\n')
            .append(request.card().last4())
            .append('\n')
            .append(request.card().expiryMonth())
            .append('/')
            .append(request.card().expiryYear())
            .append('\n');
    Address a = request.shippingAddress();
    if (a == null) {
      text.append("default-address");
    } else {
      for (String part :
          new String[] {
            a.recipient(), a.line1(), a.line2(), a.postalCode(), a.city(), a.region(), a.country()
          }) {
        text.append(part == null ? "" : part.strip()).append('\n');
      }
    }
    return Sha256.hex(text.toString());
  }
}
