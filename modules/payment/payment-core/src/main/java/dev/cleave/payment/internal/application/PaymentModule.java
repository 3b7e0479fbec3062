package dev.cleave.payment.internal.application;

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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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

  private ModuleSchema schema;
  private ScheduledFuture<?> reconciliation;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    ModuleSchema moduleSchema =
        new ModuleSchema("payment", SCHEMA, "classpath:db/migrations/payment");
    moduleSchema.migrateAndValidate(dataSource, entityManagerFactory);
    long interval = config.reconcileInterval().toMillis();
    reconciliation =
        scheduler.scheduleWithFixedDelay(
            reconciler::run, interval, interval, TimeUnit.MILLISECONDS);
    this.schema = moduleSchema;
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
    if (reconciliation != null) {
      reconciliation.cancel(false);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The migrated schema, or {@code null} while start-up has not finished. */
  public ModuleSchema schema() {
    return schema;
  }
}
