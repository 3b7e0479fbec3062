package dev.cleave.payment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A card to keep as a payment method.
 *
 * @param customerId whose method it becomes; only this customer's payments may use it
 * @param card the card; handed to the processor, which issues the token, and never stored here
 */
public record PaymentMethodRequest(
    @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String customerId,
    @NotNull @Valid CardDetails card) {}
