package dev.cleave.gateway;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Resolves the upstreams named by host name again every {@code cleave.gateway.dns-refresh}, on a
 * daemon thread of its own, so no request waits for DNS ({@link UpstreamPool#refresh}). Nothing
 * runs when every upstream is an address.
 */
final class UpstreamDiscovery implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(UpstreamDiscovery.class.getName());

  private final ScheduledExecutorService timer;

  UpstreamDiscovery(Collection<UpstreamPool> pools, Duration interval) {
    List<UpstreamPool> named = pools.stream().filter(UpstreamPool::hasNames).toList();
    if (named.isEmpty()) {
      timer = null;
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("gateway-discovery"));
    // A throwing run would end the schedule: each refresh's failure is logged and the next one
    // runs. The schedule ends with the timer.
    ScheduledFuture<?> unused =
        timer.scheduleWithFixedDelay(
            () -> named.forEach(UpstreamDiscovery::refreshLogged),
            interval.toMillis(),
            interval.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  private static void refreshLogged(UpstreamPool pool) {
    try {
      pool.refresh();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Resolving upstream " + pool.name() + " again failed", e);
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
