package dev.cleave.order.api;

import dev.cleave.kernel.DomainException;
import java.time.Duration;

/**
 * A module the request needs (catalog, customers, payments) did not answer in time; nothing was
 * changed (503, Retry-After).
 */
public class DependencyUnavailableException extends DomainException {

  public DependencyUnavailableException(String detail) {
    super(
        Kind.UNAVAILABLE,
        "dependency-unavailable",
        "Dependency unavailable",
        detail,
        Duration.ofSeconds(2));
  }
}
