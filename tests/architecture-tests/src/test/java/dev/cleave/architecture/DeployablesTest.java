package dev.cleave.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.cleave.architecture.fixtures.bindings.stock.api.StockLevels;
import dev.cleave.architecture.fixtures.bindings.stock.client.RemoteStockLevels;
import dev.cleave.architecture.fixtures.bindings.stock.internal.DefaultStockLevels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every deployable the build made packages exactly one binding per module interface; proven on
 * fixtures.
 */
class DeployablesTest {

  private static final Path ROOT = Path.of(System.getProperty("cleave.root", "../.."));

  private static List<Path> deployables() throws IOException {
    try (Stream<Path> wars = Files.walk(ROOT.resolve("deploy/liberty"), 3)) {
      return wars.filter(
              p ->
                  p.toString().endsWith(".war")
                      && p.getParent().getFileName().toString().equals("target"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyDeployableHasExactlyOneBindingPerModuleInterface(@TempDir Path scratch)
      throws IOException {
    List<Path> wars = deployables();
    assertThat(wars)
        .as("the build made the monolith WAR before this module's tests")
        .anyMatch(p -> p.getFileName().toString().equals("monolith.war"));
    for (Path war : wars) {
      Path dir = Files.createDirectories(scratch.resolve(war.getFileName().toString()));
      JavaClasses classes = Deployables.cleaveClassesOf(war, dir);
      assertThat(classes.stream().map(c -> c.getSimpleName()))
          .as(war + " holds Cleave classes")
          .contains("CleaveApplication");
      assertThat(Deployables.interfacesWithoutExactlyOneBinding(classes))
          .as(war.toString())
          .isEmpty();
    }
  }

  @Test
  void aServiceHoldsTheCoreOfItsOwnModuleOnly(@TempDir Path scratch) throws IOException {
    for (Path war : deployables()) {
      String name = war.getFileName().toString();
      if (!name.endsWith("-service.war")) {
        continue;
      }
      String module = name.substring(0, name.length() - "-service.war".length());
      JavaClasses classes =
          Deployables.cleaveClassesOf(war, Files.createDirectories(scratch.resolve(name)));
      assertThat(
              classes.stream()
                  .map(c -> c.getPackageName())
                  .filter(p -> p.matches("dev\\.cleave\\.[a-z]+\\.internal(\\..*)?"))
                  .map(p -> p.split("\\.")[2])
                  .distinct())
          .as(name + " holds the cores of")
          .containsExactly(module);
    }
  }

  @Test
  void theRuleCatchesTwoBindingsAndNone() {
    JavaClasses one =
        new ClassFileImporter().importClasses(StockLevels.class, DefaultStockLevels.class);
    assertThat(Deployables.interfacesWithoutExactlyOneBinding(one)).isEmpty();
    JavaClasses two =
        new ClassFileImporter()
            .importClasses(StockLevels.class, DefaultStockLevels.class, RemoteStockLevels.class);
    assertThat(Deployables.interfacesWithoutExactlyOneBinding(two))
        .singleElement()
        .asString()
        .contains("has 2 bindings")
        .contains("RemoteStockLevels");
    JavaClasses none = new ClassFileImporter().importClasses(StockLevels.class);
    assertThat(Deployables.interfacesWithoutExactlyOneBinding(none))
        .singleElement()
        .asString()
        .contains("has 0 bindings");
  }
}
