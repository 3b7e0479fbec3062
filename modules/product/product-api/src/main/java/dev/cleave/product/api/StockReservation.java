package dev.cleave.product.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The stock an order needs.
 *
 * @param lines between 1 and {@value #MAX_LINES} lines, each product at most once
 */
public record StockReservation(
    @NotNull @Size(min = 1, max = StockReservation.MAX_LINES)
        List<@NotNull @Valid ReservedLine> lines) {

  public static final int MAX_LINES = 100;
}
