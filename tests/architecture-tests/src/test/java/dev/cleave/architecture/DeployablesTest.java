package dev.cleave.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.cleave.architecture.fixtures.bindings.stock.api.StockLevels;
import dev.cleave.architecture.fixtures.bindings.stock.client.RemoteStockLevels;
import dev.cleave.architecture.fixtures.bindings.stock.internal.DefaultStockLevels;
import dev.cleave.launcher.Topology;
import dev.cleave.product.client.RemoteProductCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every deployable the build made packages exactly one binding per module interface, and exactly
 * the cores and clients its shape declares ({@link Topology}); both proven on fixtures.
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
          .contains(
              war.getFileName().toString().equals("gateway.war")
                  ? "ForwardingServlet"
                  : "CleaveApplication");
      assertThat(Deployables.interfacesWithoutExactlyOneBinding(classes))
          .as(war.toString())
          .isEmpty();
    }
  }

  @Test
  void everyDeployablePackagesExactlyTheCoresAndClientsItsShapeDeclares(@TempDir Path scratch)
      throws IOException {
    Map<String, Topology.Node> declared = Topology.deployables();
    Set<String> built = new TreeSet<>();
    for (Path war : deployables()) {
      String server = war.getFileName().toString().replaceFirst("\\.war$", "");
      assertThat(declared).as(war + " is the server of a declared shape").containsKey(server);
      JavaClasses classes =
          Deployables.cleaveClassesOf(war, Files.createDirectories(scratch.resolve(server)));
      assertThat(Deployables.differencesFromDeclaration(declared.get(server), classes))
          .as(war.toString())
          .isEmpty();
      built.add(server);
    }
    if (Boolean.getBoolean("cleave.deployables.all")) {
      assertThat(built)
          .as("-Psplit builds every declared deployable")
          .isEqualTo(new TreeSet<>(declared.keySet()));
    }
  }

  /**
   * The storefront's pages are served by the server clients talk to, whichever shape: the
   * monolith's and the gateway's WARs hold it, no server behind the gateway does (ADR 13).
   */
  @Test
  void theStorefrontIsInTheFrontDoorsOnly(@TempDir Path scratch) throws IOException {
    Map<String, Topology.Node> declared = Topology.deployables();
    for (Path war : deployables()) {
      String server = war.getFileName().toString().replaceFirst("\\.war$", "");
      JavaClasses classes =
          Deployables.cleaveClassesOf(war, Files.createDirectories(scratch.resolve(server)));
      assertThat(classes.contain("dev.cleave.storefront.StorefrontServlet"))
          .as(war + " holds the storefront")
          .isEqualTo(declared.get(server).front());
    }
  }

  @Test
  void theDeclarationCatchesAWrongClientAndAModuleNotExtracted(@TempDir Path scratch)
      throws IOException {
    Topology.Node extractPayment = Topology.deployables().get("monolith-extract-payment");
    Path monolith = ROOT.resolve("deploy/liberty/monolith/target/monolith.war");

    Path notExtracted = Files.copy(monolith, scratch.resolve("not-extracted.war"));
    assertThat(
            Deployables.interfacesWithoutExactlyOneBinding(
                Deployables.cleaveClassesOf(
                    notExtracted, Files.createDirectories(scratch.resolve("a")))))
        .as("the monolith has one binding per interface, so the binding rule lets it pass")
        .isEmpty();
    assertThat(
            Deployables.differencesFromDeclaration(
                extractPayment,
                Deployables.cleaveClassesOf(
                    notExtracted, Files.createDirectories(scratch.resolve("b")))))
        .containsExactly(
            "monolith-extract-payment packages the cores of [order, payment, product, user],"
                + " declared [order, product, user]",
            "monolith-extract-payment packages the clients of [], declared [payment]");

    Path wrongClient =
        Wars.replacing(
            monolith,
            "payment-core-",
            Wars.jarOf(RemoteProductCatalog.class, scratch),
            scratch.resolve("wrong-client.war"));
    assertThat(
            Deployables.differencesFromDeclaration(
                extractPayment,
                Deployables.cleaveClassesOf(
                    wrongClient, Files.createDirectories(scratch.resolve("c")))))
        .containsExactly(
            "monolith-extract-payment packages the clients of [product], declared [payment]");
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
