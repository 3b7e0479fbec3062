package dev.cleave.user.internal.application;

import dev.cleave.kernel.DomainException;

/**
 * A browser-session request without the header only the storefront's own scripts send: what a
 * cross-site form or link would send, so it is refused before the cookie is used.
 */
public class BrowserHeaderMissingException extends DomainException {

  private static final long serialVersionUID = 1L;

  /** The header the storefront's scripts send with every browser-session request. */
  public static final String HEADER = "X-Cleave-Browser";

  public BrowserHeaderMissingException() {
    super(
        Kind.FORBIDDEN,
        "browser-header-required",
        "Browser session header required",
        "Browser sessions need the request header "
            + HEADER
            + ": 1, which only the shop's own pages send.");
  }
}
