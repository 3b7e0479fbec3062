package dev.cleave.order.internal.application;

import dev.cleave.order.internal.domain.Order;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Finishes sagas left mid-way by a crash, a timeout or an unreachable module: every order whose
 * saga has not reached a final state and has not moved for {@code cleave.order.recovery-after} is
 * claimed (so no other run takes it meanwhile) and driven again from its persisted state, with the
 * same idempotent calls. {@link OrderModule} runs it on the container's managed scheduler; the
 * drives of a batch run {@code cleave.order.recovery-concurrency} at a time on the container's
 * managed executor.
 */
@ApplicationScoped
public class SagaRecovery {

  private static final Logger LOG = Logger.getLogger(SagaRecovery.class.getName());
  static final int BATCH = 100;

  /** One run takes no new batch after this long; the next run, an interval later, goes on. */
  static final Duration RUN_BUDGET = Duration.ofMinutes(1);

  @Inject OrderTransactions transactions;

  @Inject CheckoutSaga saga;

  @Inject OrderConfig config;

  @Inject OrderMetrics metrics;

  @Inject Clock clock;

  /** The container's executor: its tasks run with the application's context (JPA, transactions). */
  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ExecutorService executor;

  /**
   * One periodic run, scheduled by {@link OrderModule}; a run that throws is logged and the next
   * one tries again.
   */
  public void run() {
    int finished = recover(clock.instant().minus(config.recoveryAfter()));
    if (finished > 0) {
      LOG.info(() -> "Recovery finished " + finished + " checkout sagas");
    }
  }

  /**
   * Re-drives every unfinished order unchanged since {@code before}, batch after batch until none
   * is left (or {@link #RUN_BUDGET} is spent), so that a backlog left by an outage drains at the
   * speed of the saga, not one batch per interval; returns how many reached a final state. Each
   * order is claimed just before its drive, so a claim is never older than one drive; a claimed
   * order is touched, so it is not taken twice in one run; a batch of which nothing could be
   * claimed (another server took them) ends the run. A drive that fails ends the run once the
   * batch's other drives are over.
   */
  public int recover(Instant before) {
    Instant stopAt = clock.instant().plus(RUN_BUDGET);
    AtomicInteger finished = new AtomicInteger();
    while (true) {
      List<UUID> batch = transactions.unfinishedSince(before, BATCH);
      AtomicInteger claimed = new AtomicInteger();
      inParallel(
          batch,
          id -> {
            if (!transactions.claimForRecovery(id, before)) {
              return;
            }
            claimed.incrementAndGet();
            Order order = saga.drive(id);
            boolean done = order.status().isSettled();
            metrics.recovered(done);
            if (done) {
              finished.incrementAndGet();
              LOG.fine(() -> "Recovered order " + id + ": " + order.status());
            }
          });
      if (batch.size() < BATCH || claimed.get() == 0 || !clock.instant().isBefore(stopAt)) {
        return finished.get();
      }
    }
  }

  /**
   * Runs the task for every id, {@code cleave.order.recovery-concurrency} at a time; returns when
   * all ran.
   */
  private void inParallel(List<UUID> ids, Consumer<UUID> task) {
    int lanes = Math.min(config.recoveryConcurrency(), ids.size());
    if (lanes <= 1) {
      ids.forEach(task);
      return;
    }
    Queue<UUID> queue = new ConcurrentLinkedQueue<>(ids);
    List<Future<?>> running = new ArrayList<>();
    for (int lane = 0; lane < lanes; lane++) {
      running.add(
          executor.submit(
              () -> {
                for (UUID id = queue.poll(); id != null; id = queue.poll()) {
                  try {
                    task.accept(id);
                  } catch (RuntimeException e) {
                    queue.clear(); // the other lanes finish the drive they are in and take no new
                    // one
                    throw e;
                  }
                }
              }));
    }
    RuntimeException failure = null;
    for (Future<?> lane : running) {
      try {
        lane.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          Throwable cause = e.getCause();
          failure =
              cause instanceof RuntimeException runtime
                  ? runtime
                  : new IllegalStateException(cause);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        queue.clear();
        failure = new IllegalStateException("Saga recovery interrupted", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
