package dev.cleave.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives one scenario with virtual customers and measures it.
 *
 * <ul>
 *   <li><b>Closed loop</b> ({@link #closed}): C customers, each starting its next iteration when
 *       the last one ends; what the system completes per second is its saturation throughput.
 *   <li><b>Open loop</b> ({@link #open}): iterations are due at a fixed rate whatever the system
 *       does; each one's latency runs from when it was <em>due</em>, so when the system (or every
 *       customer) is busy the wait counts. A slow system cannot slow the generator and hide its
 *       queueing: no coordinated omission.
 * </ul>
 *
 * A settle period (run, not recorded) precedes each measured window.
 */
final class LoadRunner {

  /** What one window measured. Latencies in milliseconds. */
  record Measurement(
      String scenario,
      String mode,
      double offered,
      int customers,
      double seconds,
      long iterations,
      double perSecond,
      double successPerSecond,
      Map<String, Long> outcomes,
      double p50,
      double p90,
      double p99,
      double p999,
      double max,
      long maxBacklog) {

    long failures() {
      return outcomes.entrySet().stream()
          .filter(e -> !Workload.success(e.getKey()))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }

    String summary() {
      return String.format(
          "%-12s %-6s %8s  %7.1f/s ok  p50 %7.2f  p90 %7.2f  p99 %7.2f  p99.9 %7.2f ms  failures"
              + " %d",
          scenario,
          mode,
          mode.equals("open") ? String.format("%.0f/s", offered) : "c=" + customers,
          successPerSecond,
          p50,
          p90,
          p99,
          p999,
          failures());
    }

    String json() {
      return String.format(
          Locale.ROOT,
          "{\"scenario\":\"%s\",\"mode\":\"%s\",\"offeredPerSecond\":%.2f,"
              + "\"customers\":%d,\"seconds\":%.2f,\"iterations\":%d,\"perSecond\":%.2f,\"successPerSecond\":%.2f,"
              + "\"outcomes\":%s,\"latencyMs\":{\"p50\":%.3f,\"p90\":%.3f,\"p99\":%.3f,\"p999\":%.3f,\"max\":%.3f},"
              + "\"maxBacklog\":%d}",
          scenario,
          mode,
          offered,
          customers,
          seconds,
          iterations,
          perSecond,
          successPerSecond,
          toJson(outcomes),
          p50,
          p90,
          p99,
          p999,
          max,
          maxBacklog);
    }
  }

  private LoadRunner() {}

  /** {@code customers.size()} customers back to back. */
  static Measurement closed(
      String name,
      Workload.Scenario scenario,
      List<Workload.Customer> customers,
      Duration settle,
      Duration window)
      throws InterruptedException {
    return run(name, scenario, customers, 0, settle, window);
  }

  /** Iterations due at {@code rate} per second, served by the first free of {@code customers}. */
  static Measurement open(
      String name,
      Workload.Scenario scenario,
      List<Workload.Customer> customers,
      double rate,
      Duration settle,
      Duration window)
      throws InterruptedException {
    if (rate <= 0) {
      throw new IllegalArgumentException("rate must be positive: " + rate);
    }
    return run(name, scenario, customers, rate, settle, window);
  }

  private static Measurement run(
      String name,
      Workload.Scenario scenario,
      List<Workload.Customer> customers,
      double rate,
      Duration settle,
      Duration window)
      throws InterruptedException {
    boolean open = rate > 0;
    Recorder latency = new Recorder(TimeUnit.SECONDS.toMicros(120), 3);
    Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong maxBacklog = new AtomicLong();
    BlockingQueue<Long> due = new LinkedBlockingQueue<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            customers.size() + 1,
            task -> {
              Thread thread = new Thread(task, "virtual-customer");
              thread.setDaemon(true);
              return thread;
            });
    List<Future<?>> futures = new ArrayList<>();
    for (Workload.Customer customer : customers) {
      futures.add(
          pool.submit(
              () -> {
                Random random = new Random(customer.email().hashCode());
                while (running.get()) {
                  long intended;
                  if (open) {
                    Long next = due.poll(50, TimeUnit.MILLISECONDS);
                    if (next == null) {
                      continue;
                    }
                    intended = next;
                  } else {
                    intended = System.nanoTime();
                  }
                  String outcome;
                  try {
                    outcome = scenario.run(customer, random);
                  } catch (IOException | RuntimeException e) {
                    outcome = "error: " + e.getClass().getSimpleName();
                  }
                  long end = System.nanoTime();
                  if (measuring.get()) {
                    latency.recordValue(Math.max(1, (end - intended) / 1000));
                    outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
                  }
                }
                return null;
              }));
    }
    if (open) {
      futures.add(
          pool.submit(
              () -> {
                long start = System.nanoTime();
                double interval = 1e9 / rate;
                for (long i = 0; running.get(); i++) {
                  long at = start + (long) (i * interval);
                  long wait = at - System.nanoTime();
                  if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                  }
                  due.add(at);
                  if (measuring.get()) {
                    maxBacklog.accumulateAndGet(due.size(), Math::max);
                  }
                }
                return null;
              }));
    }
    Thread.sleep(settle.toMillis());
    latency.reset();
    measuring.set(true);
    long from = System.nanoTime();
    Thread.sleep(window.toMillis());
    measuring.set(false);
    double seconds = (System.nanoTime() - from) / 1e9;
    Histogram histogram = latency.getIntervalHistogram();
    running.set(false);
    pool.shutdown();
    if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
      pool.shutdownNow();
      throw new IllegalStateException(name + ": the virtual customers did not stop within 60 s");
    }
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException(name + ": a virtual customer failed", e.getCause());
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    outcomes.forEach((k, v) -> counts.put(k, v.sum()));
    long iterations = counts.values().stream().mapToLong(Long::longValue).sum();
    long successes =
        counts.entrySet().stream()
            .filter(e -> Workload.success(e.getKey()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    return new Measurement(
        name,
        open ? "open" : "closed",
        rate,
        customers.size(),
        seconds,
        iterations,
        iterations / seconds,
        successes / seconds,
        counts,
        ms(histogram, 50),
        ms(histogram, 90),
        ms(histogram, 99),
        ms(histogram, 99.9),
        histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue() / 1000.0,
        maxBacklog.get());
  }

  private static String toJson(Map<String, Long> counts) {
    StringBuilder json = new StringBuilder("{");
    counts.forEach(
        (k, v) ->
            json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":")
                .append(v));
    return json.append('}').toString();
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
  }
}
