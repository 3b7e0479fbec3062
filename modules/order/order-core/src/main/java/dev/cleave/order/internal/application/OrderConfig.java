package dev.cleave.order.internal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The order module's settings (MicroProfile Config; environment variables {@code CLEAVE_ORDER_*}).
 */
@ApplicationScoped
public class OrderConfig {

  /**
   * {@code cleave.order.recovery-interval} (default 10 s): how often unfinished sagas are looked
   * for.
   */
  @Inject
  @ConfigProperty(name = "cleave.order.recovery-interval", defaultValue = "PT10S")
  Duration recoveryInterval;

  /**
   * {@code cleave.order.recovery-after} (default 30 s): an order whose saga has not moved for this
   * long is re-driven by the recovery job. Must exceed the longest step timeout.
   */
  @Inject
  @ConfigProperty(name = "cleave.order.recovery-after", defaultValue = "PT30S")
  Duration recoveryAfter;

  /**
   * {@code cleave.order.recovery-concurrency} (default 8): how many orders one server's recovery
   * run drives at once. Each drive mostly waits for another module's answer, so a backlog drains
   * about this many times faster than one at a time, until the modules or the database pool are the
   * limit (docs/benchmarks.md, "Recovery of a backlog").
   */
  @Inject
  @ConfigProperty(name = "cleave.order.recovery-concurrency", defaultValue = "8")
  int recoveryConcurrency;

  /**
   * {@code cleave.order.fault.halt-after} (tests only; unset in every deployment): a
   * comma-separated list of order states; the server halts (as if it crashed) right after an
   * order's saga persisted one of them. Logged loudly at start-up when set.
   */
  @Inject
  @ConfigProperty(name = "cleave.order.fault.halt-after")
  Optional<String> haltAfter;

  /**
   * {@code cleave.order.fault.stop-after} (tests and benchmarks only; unset in every deployment): a
   * comma-separated list of order states at which the placing request stops driving the saga, as if
   * its server had died there, while the server stays up; recovery finishes those orders. How the
   * recovery benchmark builds a backlog. Logged loudly at start-up when set.
   */
  @Inject
  @ConfigProperty(name = "cleave.order.fault.stop-after")
  Optional<String> stopAfter;

  public Duration recoveryInterval() {
    return recoveryInterval;
  }

  public Duration recoveryAfter() {
    return recoveryAfter;
  }

  /** At least 1. */
  public int recoveryConcurrency() {
    return Math.max(1, recoveryConcurrency);
  }

  public Optional<String> haltAfter() {
    return haltAfter.filter(value -> !value.isBlank());
  }

  public Optional<String> stopAfter() {
    return stopAfter.filter(value -> !value.isBlank());
  }
}
