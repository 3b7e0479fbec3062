package dev.cleave.product.internal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Releases reservations that outlived their time to live (an order that crashed or was abandoned
 * mid-checkout must not hold stock for ever). {@link ProductModule} runs it periodically on the
 * container's managed scheduler; each reservation is released in its own transaction, re-checked
 * under its lock, so a commit that races the sweep either wins or finds the reservation released.
 */
@ApplicationScoped
public class ReservationSweeper {

  private static final Logger LOG = Logger.getLogger(ReservationSweeper.class.getName());
  private static final int BATCH = 100;

  @Inject DefaultInventory inventory;

  @Inject Clock clock;

  /**
   * One periodic run, scheduled by {@link ProductModule}; a run that throws is logged and the next
   * one tries again.
   */
  public void sweep() {
    int released = releaseExpired(clock.instant());
    if (released > 0) {
      LOG.info(() -> "Released " + released + " expired stock reservations");
    }
  }

  /** Releases every reservation still held that expired before {@code now}; returns how many. */
  public int releaseExpired(Instant now) {
    int released = 0;
    List<String> batch;
    do {
      batch = inventory.expiredReservations(now, BATCH);
      for (String orderId : batch) {
        if (inventory.releaseIfExpired(orderId, now)) {
          released++;
        }
      }
    } while (batch.size() == BATCH);
    return released;
  }
}
