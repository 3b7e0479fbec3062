package dev.cleave.payment.internal.application;

import dev.cleave.payment.internal.domain.Payment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** The payment module's business metrics. */
@ApplicationScoped
public class PaymentMetrics {

  private static final Metadata OUTCOMES =
      Metadata.builder()
          .withName("payments.outcomes")
          .withDescription(
              "Payment state changes, by status (authorized, declined, failed, captured, voided,"
                  + " refunded) and reason (for declined and failed)")
          .build();

  @Inject MetricRegistry registry;

  /** Counts the state the payment just reached. */
  void outcome(Payment payment) {
    String reason =
        payment.failure() == null ? "none" : payment.failure().name().toLowerCase(Locale.ROOT);
    registry
        .counter(
            OUTCOMES,
            new Tag("status", payment.status().name().toLowerCase(Locale.ROOT)),
            new Tag("reason", reason))
        .inc();
  }
}
