package dev.cleave.order.internal.application;

import dev.cleave.order.internal.domain.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finishes sagas left mid-way by a crash, a timeout or an unreachable module: every order whose saga
 * has not reached a final state and has not moved for {@code cleave.order.recovery-after} is claimed
 * (so no other run takes it meanwhile) and driven again from its persisted state, with the same
 * idempotent calls. {@link OrderModule} runs it on the container's managed scheduler.
 */
@ApplicationScoped
public class SagaRecovery {

  private static final Logger LOG = Logger.getLogger(SagaRecovery.class.getName());
  private static final int BATCH = 100;

  @Inject
  OrderRecords records;

  @Inject
  CheckoutSaga saga;

  @Inject
  OrderConfig config;

  @Inject
  OrderMetrics metrics;

  @Inject
  Clock clock;

  /** One periodic run; never throws (a failed run is logged and the next one tries again). */
  public void run() {
    try {
      int finished = recover(clock.instant().minus(config.recoveryAfter()));
      if (finished > 0) {
        LOG.info(() -> "Recovery finished " + finished + " checkout sagas");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Saga recovery failed; the next run retries", e);
    }
  }

  /** Re-drives every unfinished order unchanged since {@code before}; returns how many reached a final state. */
  public int recover(Instant before) {
    List<UUID> batch = records.unfinishedSince(before, BATCH);
    int finished = 0;
    for (UUID id : batch) {
      if (!records.claimForRecovery(id, before)) {
        continue;
      }
      Order order = saga.drive(id, null);
      boolean done = order.status().isSettled();
      metrics.recovered(done);
      if (done) {
        finished++;
        LOG.info(() -> "Recovered order " + id + ": " + order.status());
      }
    }
    return finished;
  }
}
