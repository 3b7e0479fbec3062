package dev.cleave.payment.internal.rest;

import dev.cleave.payment.internal.application.PaymentModule;
import dev.cleave.platform.persistence.DatabaseProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the payments schema is migrated and the module's database answers. */
@Readiness
@ApplicationScoped
public class PaymentReadinessCheck implements HealthCheck {

  @Inject PaymentModule module;

  @Override
  public HealthCheckResponse call() {
    if (module.schema() == null) {
      return HealthCheckResponse.named("payment-database")
          .down()
          .withData("reason", "starting")
          .build();
    }
    return DatabaseProbe.check("payment-database", module.dataSource(), module.schema());
  }
}
