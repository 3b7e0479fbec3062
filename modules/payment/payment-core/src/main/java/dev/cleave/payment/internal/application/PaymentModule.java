package dev.cleave.payment.internal.application;

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
 * Start-up of the payment module: migrates schema {@code payments} and validates the entity
 * mappings before the application takes traffic, then schedules the reconciliation of payments left
 * processing.
 */
@ApplicationScoped
public class PaymentModule {

  /** The module's schema; the persistence unit names the same one. */
  public static final String SCHEMA = "payments";

  @Resource(lookup = "jdbc/payment")
  DataSource dataSource;

  @PersistenceUnit(unitName = "payment")
  EntityManagerFactory entityManagerFactory;

  @Inject PaymentConfig config;

  @Inject PaymentReconciler reconciler;

  /**
   * The container's scheduler: its tasks run with the application's context (JPA, transactions).
   */
  @Resource ManagedScheduledExecutorService scheduler;

  private volatile ModuleLifecycle lifecycle;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    ModuleLifecycle started =
        ModuleLifecycle.migrate(
            new ModuleSchema("payment", SCHEMA, "classpath:db/migrations/payment"),
            dataSource,
            entityManagerFactory);
    started.every(config.reconcileInterval(), "Payment reconciliation", reconciler::run, scheduler);
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
