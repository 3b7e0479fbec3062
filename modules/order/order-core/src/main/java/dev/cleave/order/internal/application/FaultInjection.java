package dev.cleave.order.internal.application;

import dev.cleave.order.api.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The test-only crash hook of the checkout saga ({@code cleave.order.fault.halt-after}): after the
 * saga persisted one of the named states, the JVM halts at once, without shutdown hooks, as a power
 * cut would. Crash tests start a server with it, place an order, and start the server again without
 * it to watch recovery finish the saga. Off unless configured.
 */
@ApplicationScoped
public class FaultInjection {

  private static final Logger LOG = Logger.getLogger(FaultInjection.class.getName());

  private final Set<OrderStatus> haltAfter;

  @Inject
  FaultInjection(OrderConfig config) {
    haltAfter = config.haltAfter()
        .map(list -> EnumSet.copyOf(Arrays.stream(list.split(",")).map(String::strip).map(OrderStatus::valueOf).toList()))
        .orElse(EnumSet.noneOf(OrderStatus.class));
  }

  FaultInjection() {
    haltAfter = EnumSet.noneOf(OrderStatus.class);
  }

  /** Warns at start-up, not at the first order, when the hook is armed. */
  void onStart(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class)
      Object ignored) {
    if (!haltAfter.isEmpty()) {
      LOG.warning(() -> "FAULT INJECTION ON: the server halts after an order reaches " + haltAfter
          + " (cleave.order.fault.halt-after). Never set this outside tests.");
    }
  }

  /** Called after each persisted transition. */
  void reached(OrderStatus status) {
    if (haltAfter.contains(status)) {
      LOG.severe(() -> "FAULT INJECTION: halting after " + status);
      Runtime.getRuntime().halt(137);
    }
  }
}
