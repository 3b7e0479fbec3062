package dev.cleave.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new customer account. Server-owned fields (id, roles, timestamps) are not part of it, so a
 * request cannot set them. The password policy (at least 12 characters, not the e-mail address) is
 * checked by the module and reported like any invalid field.
 *
 * @param email the e-mail address; unique ignoring case, stored normalized (trimmed, lower case)
 * @param password the password, 12 to 128 characters
 * @param name the display name
 */
public record Registration(
    @NotBlank @Size(max = 254) String email,
    @NotNull @Size(max = 1024) String password,
    @NotBlank
        @Size(max = 200)
        @Pattern(regexp = "[^\\p{Cc}]*", message = "must not contain control characters")
        String name) {

  /** Never prints the password. */
  @Override
  public String toString() {
    return "Registration[email=" + email + ", password=***, name=" + name + "]";
  }
}
