package dev.cleave.user.api;

/**
 * The tokens a login or refresh hands out.
 *
 * @param accessToken a short-lived RS256 JWT to send as {@code Authorization: Bearer ...}
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 * @param refreshToken an opaque, single-use token that {@code POST /api/v1/auth/refresh} exchanges
 *     for a new grant; using one twice ends the whole session
 * @param refreshExpiresIn seconds until the refresh token expires
 */
public record TokenGrant(
    String accessToken,
    String tokenType,
    long expiresIn,
    String refreshToken,
    long refreshExpiresIn) {

  /** Never prints the tokens. */
  @Override
  public String toString() {
    return "TokenGrant[accessToken=***, tokenType="
        + tokenType
        + ", expiresIn="
        + expiresIn
        + ", refreshToken=***, refreshExpiresIn="
        + refreshExpiresIn
        + "]";
  }
}
