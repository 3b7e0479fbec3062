package dev.cleave.user.internal.application;

import dev.cleave.user.api.Credentials;
import dev.cleave.user.api.TokenGrant;
import dev.cleave.user.internal.domain.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Logins. Deliberately not one transaction: the throttle check, the account lookup, the password
 * check (a fifth of a second of CPU, holding no database connection) and the outcome each stand
 * alone, so a failure is counted even though the login is refused.
 *
 * <p>An unknown e-mail address and a wrong password are indistinguishable from outside: the same
 * problem, the same throttling, and the same hashing work (a decoy hash for unknown addresses).
 */
@ApplicationScoped
public class AuthenticationService {

  @Inject LoginThrottle throttle;

  @Inject AccountService accounts;

  @Inject SessionService sessions;

  @Inject PasswordHasher hasher;

  @Inject UserMetrics metrics;

  /**
   * Checks the credentials and starts a session.
   *
   * @param clientAddress the client's address, for per-address throttling
   */
  public TokenGrant login(Credentials credentials, String clientAddress) {
    throttle
        .lockedFor(credentials.email(), clientAddress)
        .ifPresent(
            wait -> {
              metrics.login("throttled");
              throw new LoginThrottledException(wait);
            });
    Optional<User> user = accounts.findByEmail(credentials.email());
    boolean valid;
    if (user.isPresent()) {
      valid = hasher.verify(credentials.password(), user.get().passwordHash());
    } else {
      hasher.verifyDecoy(credentials.password());
      valid = false;
    }
    if (!valid) {
      throttle.failed(credentials.email(), clientAddress);
      metrics.login("failure");
      throw new InvalidCredentialsException();
    }
    User account = user.get();
    throttle.succeeded(credentials.email());
    if (hasher.needsRehash(account.passwordHash())) {
      accounts.upgradePasswordHash(
          account.id(), account.passwordHash(), hasher.hash(credentials.password()));
      metrics.rehashed();
    }
    metrics.login("success");
    return sessions.start(account);
  }
}
