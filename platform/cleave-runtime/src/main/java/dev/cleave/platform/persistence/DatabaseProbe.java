package dev.cleave.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** Builds a module's readiness answer: its schema is migrated and its database answers now. */
public final class DatabaseProbe {

  private DatabaseProbe() {}

  public static HealthCheckResponse check(String name, DataSource dataSource, ModuleSchema schema) {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named(name).withData("schema", schema.schema());
    if (!schema.isReady()) {
      return response.down().withData("reason", "schema not migrated yet").build();
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(2);
      return valid
          ? response.up().build()
          : response.down().withData("reason", "connection invalid").build();
    } catch (SQLException e) {
      return response
          .down()
          .withData("reason", e.getClass().getSimpleName() + ": " + e.getMessage())
          .build();
    }
  }
}
