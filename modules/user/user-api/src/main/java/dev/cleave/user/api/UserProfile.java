package dev.cleave.user.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A user as they (and administrators) see themselves.
 *
 * @param id the user's id, the subject of their tokens
 * @param email the normalized e-mail address
 * @param name the display name
 * @param roles the user's roles ({@code customer}, and {@code admin} for staff)
 * @param addresses the shipping addresses, the default one marked
 * @param createdAt when the account was registered
 */
public record UserProfile(
    String id,
    String email,
    String name,
    Set<String> roles,
    List<Address> addresses,
    Instant createdAt) {}
