package dev.cleave.inserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.kernel.Money;
import dev.cleave.product.api.ProductCatalog;
import dev.cleave.product.api.ProductDetails;
import dev.cleave.product.api.ProductRequest;
import dev.cleave.product.api.ProductSnapshot;
import dev.cleave.product.internal.application.CatalogService;
import dev.cleave.product.internal.application.ProductModule;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The product module inside a real Liberty server and the real monolith WAR, on a real PostgreSQL
 * (demo data off, so the test builds its own).
 */
@ExtendWith(ArquillianExtension.class)
class ProductModuleInServerIT {

  @Deployment
  static WebArchive deployment() throws Exception {
    return InServerEnvironment.monolithWith(ProductModuleInServerIT.class);
  }

  @Inject CatalogService catalog;

  @Inject ProductCatalog productCatalog;

  @Inject ProductModule module;

  @BeforeEach
  void haveACategory() throws SQLException {
    execute(
        "insert into catalog.categories (slug, name) values ('it-tools', 'IT tools') on conflict do"
            + " nothing");
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = module.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = module.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private ProductDetails newProduct(String price) {
    String sku = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    return catalog.create(
        new ProductRequest(
            sku,
            "Torque wrench " + sku,
            "For the tests.",
            "it-tools",
            new BigDecimal(price),
            "EUR"));
  }

  @Test
  void migratesItsSchemaWithItsOwnHistoryTableAndNoDemoData() throws SQLException {
    assertThat(module.schema().isReady()).isTrue();
    assertThat(count("select count(*) from catalog.flyway_schema_history where success"))
        .isPositive();
    assertThat(
            count(
                "select count(*) from catalog.flyway_schema_history where script like 'R__demo%'"))
        .isZero();
    assertThat(
            count(
                "select count(*) from information_schema.tables where table_schema = 'public'"
                    + " and table_name = 'flyway_schema_history'"))
        .isZero();
  }

  @Test
  void looksUpNamesAndCurrentPricesThroughTheModuleApi() {
    ProductDetails wrench = newProduct("19.90");
    List<ProductSnapshot> found = productCatalog.findProducts(Set.of(wrench.id(), 987_654_321L));
    assertThat(found)
        .containsExactly(
            new ProductSnapshot(
                wrench.id(), wrench.sku(), wrench.name(), Money.of("19.90", "EUR"), true));
  }

  @Test
  void inProcessCallersGetTheContractsValidationLikeRemoteOnes() {
    assertThatThrownBy(() -> productCatalog.findProducts(Set.of()))
        .isInstanceOf(ConstraintViolationException.class);
    assertThatThrownBy(() -> productCatalog.findProducts(Set.of(-1L)))
        .isInstanceOf(ConstraintViolationException.class);
  }

  @Test
  void keepsDeactivatedProductsVisibleToOtherModules() {
    ProductDetails wrench = newProduct("5.00");
    catalog.deactivate(wrench.id());
    assertThat(productCatalog.findProducts(Set.of(wrench.id())))
        .singleElement()
        .extracting(ProductSnapshot::active)
        .isEqualTo(false);
  }

  @Test
  void theDatabaseItselfRefusesNegativeStock() {
    ProductDetails wrench = newProduct("7.00");
    catalog.setStock(wrench.id(), 3);
    assertThatThrownBy(
            () ->
                execute(
                    "update catalog.inventory_items set on_hand = -1 where product_id = "
                        + wrench.id()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("check");
    assertThat(catalog.details(wrench.id()).available()).isEqualTo(3);
  }
}
