package dev.cleave.order.internal.rest;

import dev.cleave.order.internal.application.OrderModule;
import dev.cleave.platform.persistence.DatabaseProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the ordering schema is migrated and the module's database answers. */
@Readiness
@ApplicationScoped
public class OrderReadinessCheck implements HealthCheck {

  @Inject OrderModule module;

  @Override
  public HealthCheckResponse call() {
    if (module.schema() == null) {
      return HealthCheckResponse.named("order-database")
          .down()
          .withData("reason", "starting")
          .build();
    }
    return DatabaseProbe.check("order-database", module.dataSource(), module.schema());
  }
}
