package dev.cleave.user.api;

import java.time.Instant;
import java.util.Set;

/**
 * A user in the administrators' list.
 *
 * @param id the user's id
 * @param email the normalized e-mail address
 * @param name the display name
 * @param roles the user's roles
 * @param createdAt when the account was registered
 */
public record UserSummary(
    String id, String email, String name, Set<String> roles, Instant createdAt) {}
