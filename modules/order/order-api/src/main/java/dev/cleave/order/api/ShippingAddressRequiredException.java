package dev.cleave.order.api;

import dev.cleave.kernel.DomainException;

public class ShippingAddressRequiredException extends DomainException {

  public ShippingAddressRequiredException(String detail) {
    super(Kind.UNPROCESSABLE, "shipping-address-required", "Shipping address required", detail);
  }
}
