package dev.cleave.user.internal.rest;

import dev.cleave.platform.persistence.DatabaseProbe;
import dev.cleave.user.internal.application.UserModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when schema {@code users} is migrated and validated and its database answers. */
@Readiness
@ApplicationScoped
public class UserReadinessCheck implements HealthCheck {

  @Inject UserModule module;

  @Override
  public HealthCheckResponse call() {
    if (module.schema() == null) {
      return HealthCheckResponse.named("user-database")
          .down()
          .withData("reason", "starting")
          .build();
    }
    return DatabaseProbe.check("user-database", module.dataSource(), module.schema());
  }
}
