package dev.cleave.order.internal.domain;

import dev.cleave.order.api.PlaceOrder;
import dev.cleave.user.api.Address;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What decides whether a repeated {@code POST /orders} under one {@code Idempotency-Key} is "the same
 * request": SHA-256 over the card's brand, last four digits and expiry and the shipping address. The
 * full card number and the security code are left out on purpose, so that nothing derived from them
 * is stored.
 */
public final class OrderFingerprint {

  private OrderFingerprint() {
  }

  public static String of(PlaceOrder request) {
    StringBuilder text = new StringBuilder()
        .append(request.card().brand()).append('\n')
        .append(request.card().last4()).append('\n')
        .append(request.card().expiryMonth()).append('/').append(request.card().expiryYear()).append('\n');
    Address a = request.shippingAddress();
    if (a == null) {
      text.append("default-address");
    } else {
      for (String part : new String[] {a.recipient(), a.line1(), a.line2(), a.postalCode(), a.city(), a.region(),
          a.country()}) {
        text.append(part == null ? "" : part.strip()).append('\n');
      }
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
