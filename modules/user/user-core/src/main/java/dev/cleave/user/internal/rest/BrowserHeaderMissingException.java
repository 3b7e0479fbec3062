package dev.cleave.user.internal.rest;

import dev.cleave.kernel.DomainException;

/**
 * A browser-session request without the header only the storefront's own scripts send: what a
 * cross-site form or link would send, so it is refused before the cookie is used.
 */
class BrowserHeaderMissingException extends DomainException {

  private static final long serialVersionUID = 1L;

  BrowserHeaderMissingException() {
    super(
        Kind.FORBIDDEN,
        "browser-header-required",
        "Browser session header required",
        "Browser sessions need the request header "
            + BrowserSessionResource.HEADER
            + ": 1, which only the shop's own pages send.");
  }
}
