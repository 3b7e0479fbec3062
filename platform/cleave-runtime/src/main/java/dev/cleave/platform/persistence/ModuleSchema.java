package dev.cleave.platform.persistence;

import jakarta.persistence.EntityManagerFactory;
import java.util.Arrays;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Brings one module's schema up to date and checks that the module's entities match it.
 *
 * <p>Flyway applies the module's versioned SQL from {@code db/migrations/<module>/} (packaged on
 * the classpath at the same path) into the module's own schema, with its history table in that
 * schema, so modules never share migration state and a module moves to its own database unchanged.
 * Hibernate then validates the mappings; it never generates DDL. Running validation here, after the
 * migration, rather than at persistence-unit start-up removes any dependence on the order in which
 * the container creates persistence units and runs start-up observers.
 */
public final class ModuleSchema {

  private static final Logger LOG = Logger.getLogger(ModuleSchema.class.getName());

  private final String module;
  private final String schema;
  private final String[] locations;
  private volatile boolean ready;

  /**
   * @param module the module name, for logs
   * @param schema the module's PostgreSQL schema, for example {@code catalog}
   * @param locations Flyway locations, for example {@code classpath:db/migrations/product}; each
   *     classpath folder must hold an empty {@code flyway.location} marker file, because Flyway
   *     cannot list folders inside Liberty's archives without one
   */
  public ModuleSchema(String module, String schema, String... locations) {
    this.module = module;
    this.schema = schema;
    this.locations = locations.clone();
  }

  /** Migrates, then validates; throws (and so fails the deployment) when either fails. */
  public void migrateAndValidate(DataSource dataSource, EntityManagerFactory entityManagerFactory) {
    MigrateResult result =
        Flyway.configure(Thread.currentThread().getContextClassLoader())
            .dataSource(dataSource)
            .schemas(schema)
            .defaultSchema(schema)
            .createSchemas(true)
            .table("flyway_schema_history")
            .locations(locations)
            .validateMigrationNaming(true)
            .load()
            .migrate();
    LOG.info(
        () ->
            "Module "
                + module
                + ": schema "
                + schema
                + " at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now, locations "
                + Arrays.toString(locations)
                + ")");
    entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    ready = true;
  }

  /** True once the schema is migrated and validated; readiness checks report this. */
  public boolean isReady() {
    return ready;
  }

  public String schema() {
    return schema;
  }
}
