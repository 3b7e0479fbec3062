package dev.cleave.user.internal.application;

import dev.cleave.kernel.Page;
import dev.cleave.platform.web.InvalidRequestException;
import dev.cleave.user.api.Address;
import dev.cleave.user.api.ProfileUpdate;
import dev.cleave.user.api.Registration;
import dev.cleave.user.api.UserNotFoundException;
import dev.cleave.user.api.UserProfile;
import dev.cleave.user.api.UserSummary;
import dev.cleave.user.internal.domain.EmailAddress;
import dev.cleave.user.internal.domain.PasswordPolicy;
import dev.cleave.user.internal.domain.Role;
import dev.cleave.user.internal.domain.User;
import dev.cleave.user.internal.domain.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Accounts: registration, profiles and administration; each call is one local transaction. */
@ApplicationScoped
@Transactional
public class AccountService {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  @Inject UserRepository users;

  @Inject PasswordHasher hasher;

  @Inject UserMetrics metrics;

  @Inject Clock clock;

  /** Registers a customer. The password is hashed before the transaction touches the database. */
  public UserProfile register(Registration registration) {
    InvalidRequestException.Collector errors = new InvalidRequestException.Collector();
    String email = EmailAddress.normalize(registration.email()).orElse(null);
    if (email == null) {
      errors.add("email", "must be an e-mail address such as ada@example.com");
    }
    PasswordPolicy.problems(registration.password(), email)
        .forEach(problem -> errors.add("password", problem));
    errors.throwIfAny();
    User user =
        new User(
            UUID.randomUUID(),
            email,
            registration.name(),
            hasher.hash(registration.password()),
            clock);
    if (!users.add(user)) {
      throw new EmailTakenException();
    }
    metrics.registered();
    return UserMapping.profile(user);
  }

  public UserProfile profile(String userId) {
    return UserMapping.profile(user(userId));
  }

  /** Replaces the caller's name and shipping addresses. */
  public UserProfile updateProfile(String userId, ProfileUpdate update) {
    User user = user(userId);
    List<Address> addresses = update.addresses();
    addresses.stream()
        .map(Address::country)
        .filter(code -> !COUNTRIES.contains(code))
        .findFirst()
        .ifPresent(
            code -> {
              throw new UnknownCountryException(code);
            });
    if (addresses.stream().filter(Address::isDefault).count() > 1) {
      throw new MultipleDefaultAddressesException();
    }
    user.rename(update.name(), clock);
    user.replaceAddresses(addresses.stream().map(UserMapping::address).toList(), clock);
    return UserMapping.profile(user);
  }

  public Page<UserSummary> list(String text, int page, int size) {
    Page<User> found = users.list(text, page, size);
    return new Page<>(
        found.items().stream().map(UserMapping::summary).toList(),
        found.page(),
        found.size(),
        found.totalItems(),
        found.totalPages());
  }

  public UserProfile grantAdmin(String userId) {
    User user = user(userId);
    user.grant(Role.ADMIN, clock);
    return UserMapping.profile(user);
  }

  /** Revokes the admin role; an administrator cannot revoke their own, so one always remains. */
  public UserProfile revokeAdmin(String userId, String actingUserId) {
    User user = user(userId);
    if (user.id().toString().equalsIgnoreCase(actingUserId)) {
      throw new OwnAdminRoleException();
    }
    user.revoke(Role.ADMIN, clock);
    return UserMapping.profile(user);
  }

  /** The account with this e-mail address (any spelling), for a login. */
  Optional<User> findByEmail(String email) {
    return EmailAddress.normalize(email).flatMap(users::findByEmail);
  }

  /** Replaces a password hash made with old parameters, unless the password changed meanwhile. */
  void upgradePasswordHash(UUID userId, String oldHash, String newHash) {
    users
        .find(userId)
        .filter(user -> user.passwordHash().equals(oldHash))
        .ifPresent(user -> user.changePasswordHash(newHash, clock));
  }

  /**
   * Makes sure the configured first administrator exists and holds the admin role. An existing
   * account keeps its password; a new one gets the configured password, which must meet the policy.
   *
   * @return true when the account was created now
   */
  boolean ensureAdmin(String rawEmail, String password, String name) {
    String email =
        EmailAddress.normalize(rawEmail)
            .orElseThrow(
                () -> new IllegalStateException("CLEAVE_ADMIN_EMAIL is not an e-mail address"));
    Optional<User> existing = users.findByEmail(email);
    if (existing.isPresent()) {
      existing.get().grant(Role.ADMIN, clock);
      return false;
    }
    List<String> problems = PasswordPolicy.problems(password, email);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("CLEAVE_ADMIN_PASSWORD " + String.join(" and ", problems));
    }
    User admin = new User(UUID.randomUUID(), email, name, hasher.hash(password), clock);
    admin.grant(Role.ADMIN, clock);
    if (!users.add(admin)) {
      throw new IllegalStateException(
          "another server created the administrator " + email + " at the same time; restart");
    }
    return true;
  }

  private User user(String id) {
    return UserMapping.id(id)
        .flatMap(users::find)
        .orElseThrow(() -> new UserNotFoundException(String.valueOf(id)));
  }
}
