package dev.cleave.user.internal.application;

import dev.cleave.user.internal.domain.LoginFailureRepository;
import dev.cleave.user.internal.domain.RefreshTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Deletes what the user module no longer needs: refresh tokens a day after they expired or were
 * revoked (a presented token that is gone gets the same 401 as one that is revoked), and
 * failed-login counters that are forgotten and lock nothing. {@link UserModule} runs it on the
 * managed scheduler.
 */
@ApplicationScoped
public class Housekeeping {

  private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());
  static final Duration TOKEN_GRACE = Duration.ofDays(1);

  @Inject RefreshTokenRepository tokens;

  @Inject LoginFailureRepository failures;

  @Inject UserConfig config;

  @Inject Clock clock;

  /**
   * One periodic run, scheduled by {@link UserModule}; a run that throws is logged and the next one
   * tries again.
   */
  public void run() {
    Result result = purge(clock.instant());
    if (result.tokens() + result.throttles() > 0) {
      LOG.info(
          () ->
              "Purged "
                  + result.tokens()
                  + " refresh tokens and "
                  + result.throttles()
                  + " login counters");
    }
  }

  /** What one purge deleted. */
  public record Result(int tokens, int throttles) {}

  /** Purges as of {@code now}, in one transaction. */
  @Transactional
  public Result purge(Instant now) {
    return new Result(
        tokens.purge(now.minus(TOKEN_GRACE)),
        failures.purge(now.minus(config.failureMemory()), now));
  }
}
