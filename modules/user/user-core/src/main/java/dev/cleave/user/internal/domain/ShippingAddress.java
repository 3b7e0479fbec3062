package dev.cleave.user.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One shipping address of a {@link User}; a value, replaced rather than edited. */
@Embeddable
public class ShippingAddress {

  @Column(nullable = false, length = 200)
  private String recipient;

  @Column(nullable = false, length = 200)
  private String line1;

  @Column(length = 200)
  private String line2;

  @Column(name = "postal_code", nullable = false, length = 20)
  private String postalCode;

  @Column(nullable = false, length = 100)
  private String city;

  @Column(length = 100)
  private String region;

  @Column(nullable = false, length = 2)
  private String country;

  @Column(name = "is_default", nullable = false)
  private boolean isDefault;

  protected ShippingAddress() {}

  public ShippingAddress(
      String recipient,
      String line1,
      String line2,
      String postalCode,
      String city,
      String region,
      String country,
      boolean isDefault) {
    this.recipient = recipient.strip();
    this.line1 = line1.strip();
    this.line2 = blankToNull(line2);
    this.postalCode = postalCode.strip();
    this.city = city.strip();
    this.region = blankToNull(region);
    this.country = country;
    this.isDefault = isDefault;
  }

  ShippingAddress asDefault() {
    return new ShippingAddress(recipient, line1, line2, postalCode, city, region, country, true);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public String recipient() {
    return recipient;
  }

  public String line1() {
    return line1;
  }

  public String line2() {
    return line2;
  }

  public String postalCode() {
    return postalCode;
  }

  public String city() {
    return city;
  }

  public String region() {
    return region;
  }

  public String country() {
    return country;
  }

  public boolean isDefault() {
    return isDefault;
  }
}
