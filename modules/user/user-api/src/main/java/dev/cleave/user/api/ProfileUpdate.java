package dev.cleave.user.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Replaces what a customer may change about themselves. The e-mail address, roles and id are not
 * part of it, so a request cannot change them.
 *
 * @param name the display name
 * @param addresses the shipping addresses, at most {@value #MAX_ADDRESSES}; at most one is the
 *     default, and when none is marked the first one becomes it
 */
public record ProfileUpdate(
    @NotBlank
        @Size(max = 200)
        @Pattern(regexp = "[^\\p{Cc}]*", message = "must not contain control characters")
        String name,
    @NotNull @Size(max = ProfileUpdate.MAX_ADDRESSES) List<@NotNull @Valid Address> addresses) {

  public static final int MAX_ADDRESSES = 10;
}
