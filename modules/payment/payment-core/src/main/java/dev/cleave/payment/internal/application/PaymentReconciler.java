package dev.cleave.payment.internal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Settles payments left {@code PROCESSING} longer than {@code cleave.payment.processing-timeout}
 * (the server stopped between sending a payment and recording the answer): from the processor's
 * records when it answered, as failed ({@code PROCESSOR_UNREACHABLE}) when it never did. The checkout
 * saga's recovery then finds every payment with an outcome.
 */
@ApplicationScoped
public class PaymentReconciler {

  private static final Logger LOG = Logger.getLogger(PaymentReconciler.class.getName());
  private static final int BATCH = 100;

  @Inject
  PaymentRecords records;

  @Inject
  PaymentConfig config;

  @Inject
  Clock clock;

  /** One periodic run; never throws (a failed run is logged and the next one tries again). */
  public void run() {
    try {
      int settled = settleStale(clock.instant().minus(config.processingTimeout()));
      if (settled > 0) {
        LOG.info(() -> "Settled " + settled + " payments left processing");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Payment reconciliation failed; the next run retries", e);
    }
  }

  /** Settles every payment still processing that last changed before {@code before}; returns how many. */
  public int settleStale(Instant before) {
    int settled = 0;
    List<String> batch;
    do {
      batch = records.processingSince(before, BATCH);
      for (String key : batch) {
        if (records.settleStale(key, before)) {
          settled++;
        }
      }
    } while (batch.size() == BATCH);
    return settled;
  }
}
