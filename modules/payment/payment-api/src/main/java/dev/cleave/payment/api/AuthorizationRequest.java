package dev.cleave.payment.api;

import dev.cleave.kernel.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What to authorize.
 *
 * @param customerId who pays (recorded with the payment)
 * @param amount how much; positive
 * @param paymentMethod the token of the payment method to charge ({@link Payments#register}), which
 *     must be the customer's
 */
public record AuthorizationRequest(
    @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String customerId,
    @NotNull Money amount,
    @NotNull @Pattern(regexp = PaymentMethod.TOKEN, message = "must be a payment method token")
        String paymentMethod) {}
