package dev.cleave.product.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * What an administrator sends to create or replace a product. Server-owned fields (id, stock,
 * active flag, timestamps) are not part of it, so a request cannot set them.
 *
 * @param sku unique stock-keeping unit: upper-case letters, digits and dashes
 * @param name display name
 * @param description long description, may be empty
 * @param category slug of an existing category
 * @param price unit price, at most two fraction digits
 * @param currency ISO 4217 code of the price
 */
public record ProductRequest(
    @NotBlank
        @Size(max = 64)
        @Pattern(
            regexp = "[A-Z0-9][A-Z0-9-]*",
            message = "must be upper-case letters, digits and dashes")
        String sku,
    @NotBlank
        @Size(max = 200)
        @Pattern(regexp = "[^\\p{Cc}]*", message = "must not contain control characters")
        String name,
    @Size(max = 4000)
        @Pattern(
            regexp = "[^\\p{Cc}&&[^\\n\\t\\r]]*",
            message = "must not contain control characters")
        String description,
    @NotBlank @Size(max = 64) String category,
    @NotNull @DecimalMin("0.00") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2)
        BigDecimal price,
    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency) {}
