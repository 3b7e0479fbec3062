package dev.cleave.user.internal.application;

import dev.cleave.user.internal.domain.LockoutSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Configuration of the user module. Every key can also be given as an environment variable (upper
 * case, dots and dashes as underscores, for example {@code CLEAVE_USER_ACCESS_TOKEN_TTL}); see
 * {@code docs/configuration.md}.
 */
@ApplicationScoped
public class UserConfig {

  /** OWASP's floor for PBKDF2-HMAC-SHA256 (2023); lower settings are refused. */
  public static final int MIN_PBKDF2_ITERATIONS = 600_000;

  /**
   * {@code cleave.jwt.issuer}: the {@code iss} of issued tokens (the same value services verify).
   */
  @Inject
  @ConfigProperty(name = "cleave.jwt.issuer", defaultValue = "https://cleave.dev/user")
  String issuer;

  /** {@code cleave.jwt.audiences}: the first entry is the {@code aud} of issued tokens. */
  @Inject
  @ConfigProperty(name = "cleave.jwt.audiences", defaultValue = "cleave")
  List<String> audiences;

  /**
   * {@code cleave.jwt.private.key}: the signing key as PEM text (PKCS #8), e.g. from a secret
   * store.
   */
  @Inject
  @ConfigProperty(name = "cleave.jwt.private.key")
  Optional<String> privateKey;

  /** {@code cleave.jwt.private.key.location}: a file holding the signing key as PEM (PKCS #8). */
  @Inject
  @ConfigProperty(name = "cleave.jwt.private.key.location")
  Optional<String> privateKeyLocation;

  /** {@code cleave.user.access-token-ttl} (default 15 minutes): lifetime of access tokens. */
  @Inject
  @ConfigProperty(name = "cleave.user.access-token-ttl", defaultValue = "PT15M")
  Duration accessTokenTtl;

  /** {@code cleave.user.refresh-token-ttl} (default 14 days): lifetime of each refresh token. */
  @Inject
  @ConfigProperty(name = "cleave.user.refresh-token-ttl", defaultValue = "P14D")
  Duration refreshTokenTtl;

  /**
   * {@code cleave.user.pbkdf2-iterations} (default and minimum 600,000): cost of new password
   * hashes.
   */
  @Inject
  @ConfigProperty(name = "cleave.user.pbkdf2-iterations", defaultValue = "600000")
  int pbkdf2Iterations;

  /**
   * {@code cleave.user.login.account-lock-after} (default 5): failures in a row that lock an
   * account.
   */
  @Inject
  @ConfigProperty(name = "cleave.user.login.account-lock-after", defaultValue = "5")
  int accountLockAfter;

  /**
   * {@code cleave.user.login.address-lock-after} (default 20): failures in a row that lock a client
   * address.
   */
  @Inject
  @ConfigProperty(name = "cleave.user.login.address-lock-after", defaultValue = "20")
  int addressLockAfter;

  /**
   * {@code cleave.user.login.first-lock} (default 1 s): the first lock; each further failure
   * doubles it.
   */
  @Inject
  @ConfigProperty(name = "cleave.user.login.first-lock", defaultValue = "PT1S")
  Duration firstLock;

  /** {@code cleave.user.login.max-lock} (default 15 minutes): the longest lock. */
  @Inject
  @ConfigProperty(name = "cleave.user.login.max-lock", defaultValue = "PT15M")
  Duration maxLock;

  /**
   * {@code cleave.user.housekeeping-interval} (default 1 hour): how often expired tokens and
   * counters are purged.
   */
  @Inject
  @ConfigProperty(name = "cleave.user.housekeeping-interval", defaultValue = "PT1H")
  Duration housekeepingInterval;

  /**
   * {@code cleave.admin.email} ({@code CLEAVE_ADMIN_EMAIL}): the first administrator, made at
   * start-up.
   */
  @Inject
  @ConfigProperty(name = "cleave.admin.email")
  Optional<String> adminEmail;

  /**
   * {@code cleave.admin.password} ({@code CLEAVE_ADMIN_PASSWORD}): that administrator's password.
   */
  @Inject
  @ConfigProperty(name = "cleave.admin.password")
  Optional<String> adminPassword;

  /**
   * {@code cleave.admin.name} (default {@code Administrator}): that administrator's display name.
   */
  @Inject
  @ConfigProperty(name = "cleave.admin.name", defaultValue = "Administrator")
  String adminName;

  public String issuer() {
    return issuer;
  }

  public String audience() {
    return audiences.get(0);
  }

  public Optional<String> privateKey() {
    return privateKey.filter(s -> !s.isBlank());
  }

  public Optional<String> privateKeyLocation() {
    return privateKeyLocation.filter(s -> !s.isBlank());
  }

  public Duration accessTokenTtl() {
    return accessTokenTtl;
  }

  public Duration refreshTokenTtl() {
    return refreshTokenTtl;
  }

  /** Failures per account: a few guesses, then a lock that doubles with each further failure. */
  public LockoutSchedule accountLockout() {
    return new LockoutSchedule(accountLockAfter, firstLock, maxLock, failureMemory());
  }

  /**
   * Failures per client address: more room (several people behind one address), the same growth.
   */
  public LockoutSchedule addressLockout() {
    return new LockoutSchedule(addressLockAfter, firstLock, maxLock, failureMemory());
  }

  /** How long a failed login is remembered after the last one: as long as the longest lock. */
  public Duration failureMemory() {
    return maxLock;
  }

  public Duration housekeepingInterval() {
    return housekeepingInterval;
  }

  public Optional<String> adminEmail() {
    return adminEmail.filter(s -> !s.isBlank());
  }

  public Optional<String> adminPassword() {
    return adminPassword.filter(s -> !s.isEmpty());
  }

  public String adminName() {
    return adminName;
  }

  @Produces
  @Singleton
  PasswordHasher passwordHasher() {
    if (pbkdf2Iterations < MIN_PBKDF2_ITERATIONS) {
      throw new IllegalStateException(
          "cleave.user.pbkdf2-iterations must be at least "
              + MIN_PBKDF2_ITERATIONS
              + " (OWASP); it is "
              + pbkdf2Iterations);
    }
    return new PasswordHasher(pbkdf2Iterations);
  }
}
