package dev.cleave.order.internal.application;

import dev.cleave.order.api.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The test-only fault hooks of the checkout saga, both off unless configured:
 *
 * <ul>
 *   <li>{@code cleave.order.fault.halt-after}: after the saga persisted one of the named states,
 *       the JVM halts at once, without shutdown hooks, as a power cut would. Crash tests start a
 *       server with it, place an order, and start the server again without it to watch recovery
 *       finish the saga.
 *   <li>{@code cleave.order.fault.stop-after}: the request that placed an order stops driving its
 *       saga at one of the named states, as if its server had died there, and answers with the
 *       order as it stands; the server stays up. The recovery benchmark builds a backlog of
 *       thousands this way.
 * </ul>
 */
@ApplicationScoped
public class FaultInjection {

  private static final Logger LOG = Logger.getLogger(FaultInjection.class.getName());

  private final Set<OrderStatus> haltAfter;
  private final Set<OrderStatus> stopAfter;

  @Inject
  FaultInjection(OrderConfig config) {
    haltAfter = states(config.haltAfter());
    stopAfter = states(config.stopAfter());
  }

  FaultInjection() {
    haltAfter = EnumSet.noneOf(OrderStatus.class);
    stopAfter = EnumSet.noneOf(OrderStatus.class);
  }

  private static Set<OrderStatus> states(Optional<String> list) {
    return list.map(
            text ->
                EnumSet.copyOf(
                    Arrays.stream(text.split(","))
                        .map(String::strip)
                        .map(OrderStatus::valueOf)
                        .toList()))
        .orElse(EnumSet.noneOf(OrderStatus.class));
  }

  /** Warns at start-up, not at the first order, when a hook is armed. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (!haltAfter.isEmpty()) {
      LOG.warning(
          () ->
              "FAULT INJECTION ON: the server halts after an order reaches "
                  + haltAfter
                  + " (cleave.order.fault.halt-after). Never set this outside tests.");
    }
    if (!stopAfter.isEmpty()) {
      LOG.warning(
          () ->
              "FAULT INJECTION ON: checkouts stop at "
                  + stopAfter
                  + " and are left to recovery (cleave.order.fault.stop-after). Never set this"
                  + " outside tests and benchmarks.");
    }
  }

  /** Called after each persisted transition. */
  void reached(OrderStatus status) {
    if (haltAfter.contains(status)) {
      LOG.severe(() -> "FAULT INJECTION: halting after " + status);
      Runtime.getRuntime().halt(137);
    }
  }

  /** Whether the placing request leaves an order in this state to recovery. */
  boolean stopsPlacingAt(OrderStatus status) {
    return stopAfter.contains(status);
  }
}
