package dev.cleave.payment.api;

import dev.cleave.kernel.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What to authorize.
 *
 * @param customerId who pays (recorded with the payment)
 * @param amount how much; positive
 * @param card the card to charge; used for this call only, never stored
 */
public record AuthorizationRequest(
    @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String customerId,
    @NotNull Money amount,
    @NotNull @Valid CardDetails card) {
}
