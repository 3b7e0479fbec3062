package dev.cleave.order.internal.application;

import dev.cleave.order.internal.domain.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
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
  static final int BATCH = 100;
  /** One run takes no new batch after this long; the next run, an interval later, goes on. */
  static final Duration RUN_BUDGET = Duration.ofMinutes(1);

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

  /**
   * Re-drives every unfinished order unchanged since {@code before}, batch after batch until none is
   * left (or {@link #RUN_BUDGET} is spent), so that a backlog left by an outage drains at the speed
   * of the saga, not one batch per interval; returns how many reached a final state. A claimed order
   * is touched, so it is not taken twice in one run; a batch of which nothing could be claimed (another
   * server took them) ends the run.
   */
  public int recover(Instant before) {
    Instant stopAt = clock.instant().plus(RUN_BUDGET);
    int finished = 0;
    while (true) {
      List<UUID> batch = records.unfinishedSince(before, BATCH);
      int claimed = 0;
      for (UUID id : batch) {
        if (!records.claimForRecovery(id, before)) {
          continue;
        }
        claimed++;
        Order order = saga.drive(id);
        boolean done = order.status().isSettled();
        metrics.recovered(done);
        if (done) {
          finished++;
          LOG.fine(() -> "Recovered order " + id + ": " + order.status());
        }
      }
      if (batch.size() < BATCH || claimed == 0 || !clock.instant().isBefore(stopAt)) {
        return finished;
      }
    }
  }
}
