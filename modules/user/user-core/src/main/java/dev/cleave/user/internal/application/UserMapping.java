package dev.cleave.user.internal.application;

import dev.cleave.user.api.Address;
import dev.cleave.user.api.CustomerSummary;
import dev.cleave.user.api.UserProfile;
import dev.cleave.user.api.UserSummary;
import dev.cleave.user.internal.domain.ShippingAddress;
import dev.cleave.user.internal.domain.User;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Translations between the user aggregate and the module's API records, and of user ids. */
final class UserMapping {

  /**
   * Canonical UUID text only: {@code UUID.fromString} also accepts forms like {@code 1-1-1-1-1}.
   */
  private static final Pattern CANONICAL_UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private UserMapping() {}

  /** The id in a token subject or path, if it can be a user id at all. */
  static Optional<UUID> id(String text) {
    return text != null && CANONICAL_UUID.matcher(text).matches()
        ? Optional.of(UUID.fromString(text))
        : Optional.empty();
  }

  static UserProfile profile(User user) {
    return new UserProfile(
        user.id().toString(),
        user.email(),
        user.name(),
        user.roles(),
        user.addresses().stream().map(UserMapping::address).toList(),
        user.createdAt());
  }

  static UserSummary summary(User user) {
    return new UserSummary(
        user.id().toString(), user.email(), user.name(), user.roles(), user.createdAt());
  }

  static CustomerSummary customer(User user) {
    return new CustomerSummary(
        user.id().toString(),
        user.name(),
        user.email(),
        user.defaultAddress().map(UserMapping::address).orElse(null));
  }

  static Address address(ShippingAddress a) {
    return new Address(
        a.recipient(),
        a.line1(),
        a.line2(),
        a.postalCode(),
        a.city(),
        a.region(),
        a.country(),
        a.isDefault());
  }

  static ShippingAddress address(Address a) {
    return new ShippingAddress(
        a.recipient(),
        a.line1(),
        a.line2(),
        a.postalCode(),
        a.city(),
        a.region(),
        a.country(),
        a.isDefault());
  }
}
