package dev.cleave.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.cleave.architecture.splittability.DoubleEntry;
import dev.cleave.architecture.splittability.LostField;
import dev.cleave.architecture.splittability.RoundTrips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What keeps the modules splittable into services (the split-services issue's rules), run on Cleave
 * and each proven on a fixture that breaks it.
 */
class SplittabilityTest {

  private static final Path ROOT = Path.of(System.getProperty("cleave.root", "../.."));

  private static List<Class<?>> apiTypes() {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cleave")
            .stream()
            .filter(c -> c.getPackageName().matches("dev\\.cleave\\.[a-z]+\\.api"))
            .map(JavaClass::reflect)
            .<Class<?>>map(c -> c)
            .toList();
  }

  @Test
  void everyModuleApiRecordSurvivesAJsonbRoundTrip() {
    List<Class<?>> types = apiTypes();
    assertThat(types.stream().filter(Class::isRecord).map(Class::getSimpleName))
        .as("the scan finds the module APIs' records")
        .contains(
            "ProductSnapshot",
            "ReservationDetails",
            "AuthorizationRequest",
            "CustomerSummary",
            "OrderDetails");
    assertThat(Splittability.recordsThatDoNotRoundTrip(types)).isEmpty();
  }

  @Test
  void theRoundTripRuleCatchesRecordsJsonbCannotRebuild() {
    assertThat(Splittability.recordsThatDoNotRoundTrip(List.of(RoundTrips.class))).isEmpty();
    assertThat(Splittability.recordsThatDoNotRoundTrip(List.of(LostField.class, DoubleEntry.class)))
        .hasSize(2)
        .anySatisfy(v -> assertThat(v).startsWith(LostField.class.getName()))
        .anySatisfy(v -> assertThat(v).startsWith(DoubleEntry.class.getName()));
  }

  @Test
  void noMigrationCrossesModuleSchemas() {
    assertThat(Files.isDirectory(ROOT.resolve("db/migrations/order")))
        .as("found the migrations")
        .isTrue();
    assertThat(Splittability.migrationsThatCrossModules(ROOT.resolve("db/migrations"))).isEmpty();
  }

  @Test
  void noModuleQueryNamesAnotherModulesSchema() {
    assertThat(Files.isDirectory(ROOT.resolve("modules/order/order-core/src/main/java"))).isTrue();
    assertThat(Splittability.sourcesThatNameOtherSchemas(ROOT.resolve("modules"))).isEmpty();
  }

  @Test
  void theSchemaRulesCatchCrossingMigrationsAndQueries(@TempDir Path dir) throws IOException {
    Path order = Files.createDirectories(dir.resolve("migrations/order"));
    Files.writeString(
        order.resolve("V1__ok.sql"),
        """
        -- a comment may mention catalog.products
        CREATE TABLE orders (id UUID PRIMARY KEY);
        CREATE TABLE order_lines (order_id UUID REFERENCES orders (id), product_id BIGINT);
        """);
    assertThat(Splittability.migrationsThatCrossModules(dir.resolve("migrations"))).isEmpty();
    Files.writeString(
        order.resolve("V2__bad.sql"),
        """
        ALTER TABLE order_lines ADD FOREIGN KEY (product_id) REFERENCES products (id);
        CREATE VIEW stock AS SELECT * FROM catalog.inventory_items;
        """);
    assertThat(Splittability.migrationsThatCrossModules(dir.resolve("migrations")))
        .hasSize(2)
        .anySatisfy(v -> assertThat(v).contains("foreign key to products"))
        .anySatisfy(v -> assertThat(v).contains("names schema catalog"));

    Path source = Files.createDirectories(dir.resolve("modules/order/order-core/src/main/java/x"));
    Files.writeString(
        source.resolve("Ok.java"),
        """
        class Ok { String q = "select * from {h-schema}orders"; /* catalog.products in a comment */ }
        """);
    assertThat(Splittability.sourcesThatNameOtherSchemas(dir.resolve("modules"))).isEmpty();
    Files.writeString(
        source.resolve("Peek.java"),
        """
        class Peek { String q = \"""
            select on_hand from catalog.inventory_items
            \"""; }
        """);
    assertThat(Splittability.sourcesThatNameOtherSchemas(dir.resolve("modules")))
        .singleElement()
        .asString()
        .contains("Peek.java")
        .contains("names schema catalog");
  }
}
