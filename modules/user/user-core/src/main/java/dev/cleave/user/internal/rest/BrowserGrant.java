package dev.cleave.user.internal.rest;

/**
 * What a browser session's login or refresh answers in its body: the access token only. The refresh
 * token travels in an {@code HttpOnly} cookie the page's scripts cannot read (ADR 13).
 *
 * @param accessToken a short-lived RS256 JWT to send as {@code Authorization: Bearer ...}
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 * @param sessionExpiresIn seconds until the session's cookie expires unless refreshed
 */
public record BrowserGrant(
    String accessToken, String tokenType, long expiresIn, long sessionExpiresIn) {

  /** Never prints the token. */
  @Override
  public String toString() {
    return "BrowserGrant[accessToken=***, tokenType="
        + tokenType
        + ", expiresIn="
        + expiresIn
        + ", sessionExpiresIn="
        + sessionExpiresIn
        + "]";
  }
}
