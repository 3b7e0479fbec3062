package dev.cleave.order.internal.application;

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
import javax.sql.DataSource;

/**
 * Start-up of the order module: migrates schema {@code ordering} and validates the entity mappings
 * before the application takes traffic, then schedules the recovery of unfinished checkout sagas.
 */
@ApplicationScoped
public class OrderModule {

  /** The module's schema; the persistence unit names the same one. */
  public static final String SCHEMA = "ordering";

  @Resource(lookup = "jdbc/order")
  DataSource dataSource;

  @PersistenceUnit(unitName = "order")
  EntityManagerFactory entityManagerFactory;

  @Inject OrderConfig config;

  @Inject SagaRecovery recovery;

  /**
   * The container's scheduler: its tasks run with the application's context (JPA, transactions).
   */
  @Resource ManagedScheduledExecutorService scheduler;

  private volatile ModuleLifecycle lifecycle;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    ModuleLifecycle started =
        ModuleLifecycle.migrate(
            new ModuleSchema("order", SCHEMA, "classpath:db/migrations/order"),
            dataSource,
            entityManagerFactory);
    started.every(config.recoveryInterval(), "Saga recovery", recovery::run, scheduler);
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
