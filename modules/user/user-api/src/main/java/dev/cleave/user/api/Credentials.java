package dev.cleave.user.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A login attempt.
 *
 * @param email the account's e-mail address (any case)
 * @param password the password
 */
public record Credentials(
    @NotNull @Size(max = 254) String email, @NotNull @Size(max = 1024) String password) {

  /** Never prints the password. */
  @Override
  public String toString() {
    return "Credentials[email=" + email + ", password=***]";
  }
}
