package dev.cleave.order.api;

import dev.cleave.kernel.Money;

/** One product of an order, at the price it had when the order was placed. */
public record OrderLine(
    long productId, String sku, String name, Money unitPrice, int quantity, Money lineTotal) {}
