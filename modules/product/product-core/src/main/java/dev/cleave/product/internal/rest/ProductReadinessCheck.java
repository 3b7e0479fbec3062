package dev.cleave.product.internal.rest;

import dev.cleave.platform.persistence.DatabaseProbe;
import dev.cleave.product.internal.application.ProductModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the catalog schema is migrated and the module's database answers. */
@Readiness
@ApplicationScoped
public class ProductReadinessCheck implements HealthCheck {

  @Inject ProductModule module;

  @Override
  public HealthCheckResponse call() {
    if (module.schema() == null) {
      return HealthCheckResponse.named("product-database")
          .down()
          .withData("reason", "starting")
          .build();
    }
    return DatabaseProbe.check("product-database", module.dataSource(), module.schema());
  }
}
