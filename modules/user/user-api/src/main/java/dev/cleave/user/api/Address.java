package dev.cleave.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A shipping address.
 *
 * @param recipient who receives the parcel
 * @param line1 street and number
 * @param line2 further address details, may be absent
 * @param postalCode the postal code
 * @param city the city
 * @param region state, province or county, may be absent
 * @param country ISO 3166-1 alpha-2 code, for example {@code DE}
 * @param isDefault whether this is the customer's default address (exactly one is, when any exist)
 */
public record Address(
    @NotBlank
        @Size(max = 200)
        @Pattern(regexp = Address.NO_CONTROL, message = Address.NO_CONTROL_MESSAGE)
        String recipient,
    @NotBlank
        @Size(max = 200)
        @Pattern(regexp = Address.NO_CONTROL, message = Address.NO_CONTROL_MESSAGE)
        String line1,
    @Size(max = 200) @Pattern(regexp = Address.NO_CONTROL, message = Address.NO_CONTROL_MESSAGE)
        String line2,
    @NotBlank
        @Size(max = 20)
        @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9 -]*",
            message = "must be letters, digits, spaces and dashes")
        String postalCode,
    @NotBlank
        @Size(max = 100)
        @Pattern(regexp = Address.NO_CONTROL, message = Address.NO_CONTROL_MESSAGE)
        String city,
    @Size(max = 100) @Pattern(regexp = Address.NO_CONTROL, message = Address.NO_CONTROL_MESSAGE)
        String region,
    @NotNull
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE")
        String country,
    boolean isDefault) {

  static final String NO_CONTROL = "[^\\p{Cc}]*";
  static final String NO_CONTROL_MESSAGE = "must not contain control characters";
}
