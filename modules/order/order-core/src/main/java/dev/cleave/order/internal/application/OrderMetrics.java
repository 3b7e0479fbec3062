package dev.cleave.order.internal.application;

import dev.cleave.order.api.OrderStatus;
import dev.cleave.order.internal.domain.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/** The order module's business metrics. */
@ApplicationScoped
public class OrderMetrics {

  private static final Metadata PLACED =
      Metadata.builder()
          .withName("orders.placed")
          .withDescription("Orders accepted (before the saga ran)")
          .build();
  private static final Metadata OUTCOMES =
      Metadata.builder()
          .withName("orders.outcomes")
          .withDescription(
              "Orders reaching a final state, by status: confirmed, rejected, payment_declined,"
                  + " failed, cancelled")
          .build();
  private static final Metadata DURATION =
      Metadata.builder()
          .withName("orders.saga.duration")
          .withDescription(
              "Time from placing an order to its first final state (confirmed, rejected, declined,"
                  + " failed)")
          .withUnit(MetricUnits.SECONDS)
          .build();
  private static final Metadata RECOVERIES =
      Metadata.builder()
          .withName("orders.recoveries")
          .withDescription(
              "Sagas re-driven by the recovery job, by result: finished (reached a final state),"
                  + " pending")
          .build();

  @Inject MetricRegistry registry;

  void placed() {
    registry.counter(PLACED).inc();
  }

  void settled(Order order) {
    registry
        .counter(OUTCOMES, new Tag("status", order.status().name().toLowerCase(Locale.ROOT)))
        .inc();
    if (order.status() != OrderStatus.CANCELLED) {
      order.sagaDuration().ifPresent(duration -> registry.timer(DURATION).update(duration));
    }
  }

  void recovered(boolean finished) {
    registry.counter(RECOVERIES, new Tag("result", finished ? "finished" : "pending")).inc();
  }
}
