package dev.cleave.product.internal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Configuration of the product module. Every key can also be given as an environment variable
 * (upper case, dots and dashes as underscores, for example {@code CLEAVE_PRODUCT_DEMO_DATA}).
 */
@ApplicationScoped
public class ProductConfig {

  /** {@code cleave.product.demo-data} (default {@code true}): load the demo catalog migration. */
  @Inject
  @ConfigProperty(name = "cleave.product.demo-data", defaultValue = "true")
  boolean demoData;

  /**
   * {@code cleave.product.reservation-ttl} (default 15 minutes): how long stock stays held for an
   * order.
   */
  @Inject
  @ConfigProperty(name = "cleave.product.reservation-ttl", defaultValue = "PT15M")
  Duration reservationTtl;

  /**
   * {@code cleave.product.reservation-sweep-interval} (default 30 s): how often expired
   * reservations are released.
   */
  @Inject
  @ConfigProperty(name = "cleave.product.reservation-sweep-interval", defaultValue = "PT30S")
  Duration reservationSweepInterval;

  public boolean demoData() {
    return demoData;
  }

  public Duration reservationTtl() {
    return reservationTtl;
  }

  public Duration reservationSweepInterval() {
    return reservationSweepInterval;
  }
}
