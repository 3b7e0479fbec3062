package dev.cleave.user.internal.application;

import dev.cleave.platform.security.Sha256;
import dev.cleave.user.internal.domain.EmailAddress;
import dev.cleave.user.internal.domain.LockoutSchedule;
import dev.cleave.user.internal.domain.LoginFailureRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Throttles failed logins per account and per client address with a growing lock ({@link
 * LockoutSchedule}). Unknown e-mail addresses are counted exactly like known ones, so the throttle
 * reveals nothing about which accounts exist. Accounts are keyed by a hash of the e-mail address:
 * the table never holds one.
 */
@ApplicationScoped
@Transactional
public class LoginThrottle {

  @Inject LoginFailureRepository failures;

  @Inject UserConfig config;

  @Inject Clock clock;

  /** How long the caller must still wait, if the account or the address is locked. */
  public Optional<Duration> lockedFor(String email, String address) {
    Instant now = clock.instant();
    return failures
        .lockedUntil(List.of(accountKey(email), addressKey(address)), now)
        .map(until -> Duration.between(now, until));
  }

  /**
   * Counts a failed login against the account and the address, locking whichever crossed its limit.
   */
  public void failed(String email, String address) {
    count(accountKey(email), config.accountLockout());
    count(addressKey(address), config.addressLockout());
  }

  /**
   * A successful login clears the account's failures (not the address's: one good account must not
   * reset the count of an address that is guessing at others).
   */
  public void succeeded(String email) {
    failures.clear(accountKey(email));
  }

  private void count(String key, LockoutSchedule schedule) {
    Instant now = clock.instant();
    int inARow = failures.recordFailure(key, now, now.minus(schedule.window()));
    Duration lock = schedule.lockAfter(inARow);
    if (!lock.isZero()) {
      failures.lock(key, now.plus(lock));
    }
  }

  /** Keyed like the account lookup, so every spelling of one address counts against one key. */
  static String accountKey(String email) {
    String normalized =
        EmailAddress.normalize(email)
            .orElseGet(() -> email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    return "account:" + Sha256.hex(normalized);
  }

  static String addressKey(String address) {
    return "address:" + address;
  }
}
