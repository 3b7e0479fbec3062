package dev.cleave.order.api;

import dev.cleave.kernel.DomainException;

public class MixedCurrenciesException extends DomainException {

  public MixedCurrenciesException(String detail) {
    super(Kind.UNPROCESSABLE, "mixed-currencies", "Mixed currencies", detail);
  }
}
