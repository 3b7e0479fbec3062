package dev.cleave.order.internal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The order module's settings (MicroProfile Config; environment variables {@code CLEAVE_ORDER_*}). */
@ApplicationScoped
public class OrderConfig {

  /** {@code cleave.order.recovery-interval} (default 10 s): how often unfinished sagas are looked for. */
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
   * {@code cleave.order.fault.halt-after} (tests only; unset in every deployment): a comma-separated
   * list of order states; the server halts (as if it crashed) right after an order's saga persisted
   * one of them. Logged loudly at start-up when set.
   */
  @Inject
  @ConfigProperty(name = "cleave.order.fault.halt-after")
  Optional<String> haltAfter;

  public Duration recoveryInterval() {
    return recoveryInterval;
  }

  public Duration recoveryAfter() {
    return recoveryAfter;
  }

  public Optional<String> haltAfter() {
    return haltAfter.filter(value -> !value.isBlank());
  }
}
