package dev.cleave.product.internal.application;

import dev.cleave.platform.ModuleLifecycle;
import dev.cleave.platform.persistence.ModuleSchema;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Start-up of the product module: migrates schema {@code catalog} (plus the demo catalog when
 * enabled) and validates the entity mappings before the application takes traffic, then schedules
 * the sweep that releases expired stock reservations. A failure here fails the deployment rather
 * than serving from a wrong schema.
 */
@ApplicationScoped
public class ProductModule {

  /** The module's schema; the persistence unit names the same one. */
  public static final String SCHEMA = "catalog";

  /** The module's data source; in the monolith it points at the shared database. */
  @Resource(lookup = "jdbc/product")
  DataSource dataSource;

  @PersistenceUnit(unitName = "product")
  EntityManagerFactory entityManagerFactory;

  @Inject ProductConfig config;

  @Inject ReservationSweeper sweeper;

  /**
   * The container's scheduler: its tasks run with the application's context (JPA, transactions).
   */
  @Resource ManagedScheduledExecutorService scheduler;

  private volatile ModuleLifecycle lifecycle;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    List<String> locations = new ArrayList<>(List.of("classpath:db/migrations/product"));
    if (config.demoData()) {
      locations.add("classpath:db/migrations/demo/product");
    }
    ModuleLifecycle started =
        ModuleLifecycle.migrate(
            new ModuleSchema("product", SCHEMA, locations.toArray(String[]::new)),
            dataSource,
            entityManagerFactory);
    started.every(
        config.reservationSweepInterval(), "Expired-reservation sweep", sweeper::sweep, scheduler);
    lifecycle = started;
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
    if (lifecycle != null) {
      lifecycle.stop();
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The migrated schema, or {@code null} while start-up has not finished. */
  public ModuleSchema schema() {
    ModuleLifecycle started = lifecycle;
    return started == null ? null : started.schema();
  }
}
