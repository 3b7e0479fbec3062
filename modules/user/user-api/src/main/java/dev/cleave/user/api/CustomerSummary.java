package dev.cleave.user.api;

/**
 * A customer as another module needs to see them.
 *
 * @param id the customer's id, the subject of their tokens
 * @param name the display name
 * @param email the normalized e-mail address
 * @param defaultAddress the default shipping address, or {@code null} when none is on file
 */
public record CustomerSummary(String id, String name, String email, Address defaultAddress) {}
