package dev.cleave.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The one clock of a deployable: UTC, ticking in whole microseconds, the precision PostgreSQL keeps
 * a {@code timestamptz} to. Every instant Cleave takes is therefore stored as it was taken, so an
 * answer read back (an idempotent replay, a recovered saga step) equals the first one. Tests of
 * domain code pass their own {@link Clock}.
 */
@ApplicationScoped
public class ClockProducer {

  /** The precision of PostgreSQL's timestamps. */
  static final Duration DATABASE_PRECISION = Duration.ofNanos(1_000);

  @Produces
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), DATABASE_PRECISION);
  }
}
