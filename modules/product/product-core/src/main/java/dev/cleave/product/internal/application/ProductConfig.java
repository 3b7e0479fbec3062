package dev.cleave.product.internal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Configuration of the product module. Every key can also be given as an environment variable
 * (upper case, dots and dashes as underscores, for example {@code CLEAVE_PRODUCT_DEMO_DATA}).
 */
@ApplicationScoped
public class ProductConfig {

  /** {@code cleave.product.demo-data} (default {@code true}): load the demo catalog migration. */
  @Inject
  @ConfigProperty(name = "cleave.product.demo-data", defaultValue = "true")
  boolean demoData;


  public boolean demoData() {
    return demoData;
  }

}
