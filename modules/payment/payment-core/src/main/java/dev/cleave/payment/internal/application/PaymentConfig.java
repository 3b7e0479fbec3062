package dev.cleave.payment.internal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The payment module's settings (MicroProfile Config; environment variables {@code
 * CLEAVE_PAYMENT_*}).
 */
@ApplicationScoped
public class PaymentConfig {

  /**
   * {@code cleave.payment.slow-card-delay} (default 5 s): how long the slow test card keeps the
   * processor busy.
   */
  @Inject
  @ConfigProperty(name = "cleave.payment.slow-card-delay", defaultValue = "PT5S")
  Duration slowCardDelay;

  /**
   * {@code cleave.payment.processing-timeout} (default 30 s): a payment still {@code PROCESSING}
   * this long after it was sent is settled from the processor's records (or failed when it has
   * none). Must exceed the processor's longest answer time.
   */
  @Inject
  @ConfigProperty(name = "cleave.payment.processing-timeout", defaultValue = "PT30S")
  Duration processingTimeout;

  /**
   * {@code cleave.payment.reconcile-interval} (default 15 s): how often stuck payments are looked
   * for.
   */
  @Inject
  @ConfigProperty(name = "cleave.payment.reconcile-interval", defaultValue = "PT15S")
  Duration reconcileInterval;

  /**
   * {@code cleave.payment.processor-threads} (default 64): most processor calls under way at once.
   */
  @Inject
  @ConfigProperty(name = "cleave.payment.processor-threads", defaultValue = "64")
  int processorThreads;

  public int processorThreads() {
    return processorThreads;
  }

  public Duration slowCardDelay() {
    return slowCardDelay;
  }

  public Duration processingTimeout() {
    return processingTimeout;
  }

  public Duration reconcileInterval() {
    return reconcileInterval;
  }
}
