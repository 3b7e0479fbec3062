package dev.cleave.product.internal.application;

import dev.cleave.platform.persistence.ModuleSchema;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
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
 * enabled) and validates the entity mappings before the application takes traffic. A failure here
 * fails the deployment rather than serving from a wrong schema.
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

  @Inject
  ProductConfig config;

  private ModuleSchema schema;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    List<String> locations = new ArrayList<>(List.of("classpath:db/migrations/product"));
    if (config.demoData()) {
      locations.add("classpath:db/migrations/demo/product");
    }
    ModuleSchema moduleSchema = new ModuleSchema("product", SCHEMA, locations.toArray(String[]::new));
    moduleSchema.migrateAndValidate(dataSource, entityManagerFactory);
    this.schema = moduleSchema;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The migrated schema, or {@code null} while start-up has not finished. */
  public ModuleSchema schema() {
    return schema;
  }
}
