package dev.cleave.user.internal.application;

import dev.cleave.platform.ModuleLifecycle;
import dev.cleave.platform.persistence.ModuleSchema;
import dev.cleave.platform.security.TrustedKey;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Start-up of the user module: migrates schema {@code users}, validates the mappings, loads the
 * token signing key (and checks that this deployable verifies tokens with its public half), and
 * makes the configured first administrator, then schedules {@link Housekeeping}. Any failure fails
 * the deployment rather than serving half-configured.
 */
@ApplicationScoped
public class UserModule {

  /** The module's schema; the persistence unit names the same one. */
  public static final String SCHEMA = "users";

  private static final Logger LOG = Logger.getLogger(UserModule.class.getName());

  @Resource(lookup = "jdbc/user")
  DataSource dataSource;

  @PersistenceUnit(unitName = "user")
  EntityManagerFactory entityManagerFactory;

  @Inject UserConfig config;

  @Inject TokenIssuer issuer;

  @Inject TrustedKey trustedKey;

  @Inject AccountService accounts;

  @Inject Housekeeping housekeeping;

  /**
   * The container's scheduler: its tasks run with the application's context (JPA, transactions).
   */
  @Resource ManagedScheduledExecutorService scheduler;

  private volatile ModuleLifecycle lifecycle;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    ModuleLifecycle started =
        ModuleLifecycle.migrate(
            new ModuleSchema("user", SCHEMA, "classpath:db/migrations/user"),
            dataSource,
            entityManagerFactory);
    checkSigningKey();
    bootstrapAdmin();
    started.every(config.housekeepingInterval(), "User housekeeping", housekeeping::run, scheduler);
    lifecycle = started;
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
    if (lifecycle != null) {
      lifecycle.stop();
    }
  }

  private void checkSigningKey() {
    Set<String> verifying = trustedKey.keyIds();
    if (!verifying.isEmpty() && !verifying.contains(issuer.keyId())) {
      throw new IllegalStateException(
          "The token signing key (kid "
              + issuer.keyId()
              + ") is not the pair of a "
              + "verification key (kids "
              + verifying
              + ", mp.jwt.verify.publickey.location): every token issued "
              + "here would be refused. Configure the matching key pair.");
    }
    if (trustedKey.serviceKeyIds().contains(issuer.keyId())) {
      throw new IllegalStateException(
          "The token signing key (kid "
              + issuer.keyId()
              + ") is listed as a service key (cleave.jwt.service-keys.location): user tokens"
              + " signed with it would be refused. Use separate keys.");
    }
    LOG.info(
        () ->
            "Module user: signing tokens with key "
                + issuer.keyId()
                + " for issuer "
                + config.issuer());
  }

  private void bootstrapAdmin() {
    boolean hasEmail = config.adminEmail().isPresent();
    if (hasEmail != config.adminPassword().isPresent()) {
      throw new IllegalStateException(
          "Set CLEAVE_ADMIN_EMAIL and CLEAVE_ADMIN_PASSWORD together, or neither.");
    }
    if (!hasEmail) {
      LOG.info(
          "Module user: no first administrator configured (CLEAVE_ADMIN_EMAIL,"
              + " CLEAVE_ADMIN_PASSWORD)");
      return;
    }
    boolean created =
        accounts.ensureAdmin(
            config.adminEmail().get(), config.adminPassword().get(), config.adminName());
    LOG.info(
        () ->
            "Module user: first administrator "
                + config.adminEmail().get()
                + (created ? " created" : " exists and holds the admin role"));
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
