package dev.cleave.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Presents a refresh token, to rotate it ({@code /auth/refresh}) or to end its session ({@code
 * /auth/logout}).
 *
 * @param refreshToken the opaque refresh token from the last token grant
 */
public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {

  /** Never prints the token. */
  @Override
  public String toString() {
    return "RefreshRequest[refreshToken=***]";
  }
}
