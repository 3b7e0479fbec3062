package dev.cleave.order.internal.domain;

import dev.cleave.user.api.Address;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The shipping address copied into the order when it is placed (later profile changes do not move
 * it).
 */
@Embeddable
public class DeliveryAddress {

  @Column(name = "ship_recipient", nullable = false, length = 200)
  private String recipient;

  @Column(name = "ship_line1", nullable = false, length = 200)
  private String line1;

  @Column(name = "ship_line2", length = 200)
  private String line2;

  @Column(name = "ship_postal_code", nullable = false, length = 20)
  private String postalCode;

  @Column(name = "ship_city", nullable = false, length = 100)
  private String city;

  @Column(name = "ship_region", length = 100)
  private String region;

  @Column(name = "ship_country", nullable = false, length = 2, columnDefinition = "bpchar(2)")
  private String country;

  protected DeliveryAddress() {}

  public static DeliveryAddress of(Address address) {
    DeliveryAddress copy = new DeliveryAddress();
    copy.recipient = address.recipient().strip();
    copy.line1 = address.line1().strip();
    copy.line2 = blankToNull(address.line2());
    copy.postalCode = address.postalCode().strip();
    copy.city = address.city().strip();
    copy.region = blankToNull(address.region());
    copy.country = address.country();
    return copy;
  }

  public Address toAddress() {
    return new Address(recipient, line1, line2, postalCode, city, region, country, false);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
