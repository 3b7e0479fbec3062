package dev.cleave.platform;

import dev.cleave.platform.persistence.ModuleSchema;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What every module does when its deployable starts and stops: migrate and validate its schema
 * before the application takes traffic, run its periodic jobs (saga recovery, reconciliation,
 * sweeps, housekeeping) on the container's scheduler, and cancel them on shutdown. A module's
 * {@code <Module>Module} bean holds one, made in its start-up observer.
 *
 * <pre>{@code
 * lifecycle = ModuleLifecycle.migrate(new ModuleSchema("order", SCHEMA, LOCATION), dataSource, emf);
 * lifecycle.every(config.recoveryInterval(), "Saga recovery", recovery::run, scheduler);
 * }</pre>
 */
public final class ModuleLifecycle {

  private static final Logger LOG = Logger.getLogger(ModuleLifecycle.class.getName());

  private final ModuleSchema schema;
  private final List<ScheduledFuture<?>> jobs = new CopyOnWriteArrayList<>();

  ModuleLifecycle(ModuleSchema schema) {
    this.schema = schema;
  }

  /**
   * Migrates {@code schema} and validates the entity mappings against it; throws, and so fails the
   * deployment, when either fails.
   */
  public static ModuleLifecycle migrate(
      ModuleSchema schema, DataSource dataSource, EntityManagerFactory entityManagerFactory) {
    schema.migrateAndValidate(dataSource, entityManagerFactory);
    return new ModuleLifecycle(schema);
  }

  /**
   * Runs {@code job} every {@code interval}, the first time one interval from now, each run one
   * interval after the previous one ended. A run that throws is logged as {@code what} and the next
   * run happens as planned: an executor would otherwise silently stop a task that threw once. The
   * container's scheduler gives each run the application's context (JPA, transactions).
   */
  public void every(
      Duration interval, String what, Runnable job, ManagedScheduledExecutorService scheduler) {
    long millis = interval.toMillis();
    if (millis <= 0) {
      throw new IllegalArgumentException(what + ": the interval must be positive, was " + interval);
    }
    jobs.add(
        scheduler.scheduleWithFixedDelay(
            () -> runLogged(what, job), millis, millis, TimeUnit.MILLISECONDS));
  }

  static void runLogged(String what, Runnable job) {
    try {
      job.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> what + " failed; the next run retries");
    }
  }

  /** The migrated and validated schema, which readiness checks probe. */
  public ModuleSchema schema() {
    return schema;
  }

  /** Cancels every job; a run under way finishes. */
  public void stop() {
    jobs.forEach(job -> job.cancel(false));
    jobs.clear();
  }
}
