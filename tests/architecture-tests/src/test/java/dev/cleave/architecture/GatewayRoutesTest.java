package dev.cleave.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.cleave.launcher.Topology;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's shipped routing agrees with the code and with {@link Topology}: each public
 * resource of a module is routed to that module's upstream and nothing else is routed, and each
 * module's default upstream is its service on the declared port. A new resource, a moved one or a
 * renumbered service fails here, not in a split system at run time.
 */
class GatewayRoutesTest {

  private static final java.nio.file.Path SHIPPED =
      java.nio.file.Path.of(System.getProperty("cleave.root", "../.."))
          .resolve("gateway-module/src/main/resources/META-INF/microprofile-config.properties");

  private static Properties shipped;

  @BeforeAll
  static void readTheGatewaysConfiguration() throws IOException {
    shipped = new Properties();
    try (Reader reader = Files.newBufferedReader(SHIPPED)) {
      shipped.load(reader);
    }
  }

  @Test
  void everyPublicResourceIsRoutedToItsModuleAndNothingElseIsRouted() {
    JavaClasses cleave =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cleave");
    Map<String, String> resources = new TreeMap<>();
    for (String module : Topology.MODULES) {
      for (JavaClass type : cleave) {
        if (type.getPackageName().equals("dev.cleave." + module + ".internal.rest")
            && type.isAnnotatedWith(Path.class)) {
          String path = type.getAnnotationOfType(Path.class).value();
          if (!path.startsWith("/internal/")) {
            resources.put(path, module);
          }
        }
      }
    }
    assertThat(resources).as("public resources found").hasSizeGreaterThan(4);

    Map<String, String> routes =
        Arrays.stream(shipped.getProperty("cleave.gateway.routes").split(","))
            .map(String::strip)
            .map(route -> route.split("=", 2))
            .collect(
                Collectors.toMap(r -> r[0].strip(), r -> r[1].strip(), (a, b) -> a, TreeMap::new));
    assertThat(routes).as("cleave.gateway.routes in " + SHIPPED).isEqualTo(resources);
  }

  @Test
  void eachModulesDefaultUpstreamIsItsServiceOnTheDeclaredPort() {
    Map<String, String> upstreams = new TreeMap<>();
    shipped.stringPropertyNames().stream()
        .filter(key -> key.startsWith("cleave.gateway.upstream."))
        .forEach(
            key ->
                upstreams.put(
                    key.substring("cleave.gateway.upstream.".length()), shipped.getProperty(key)));
    Map<String, String> declared = new TreeMap<>();
    for (String module : Topology.MODULES) {
      declared.put(module, "http://localhost:" + Topology.DEFAULT_PORTS.get(module + "-service"));
    }
    assertThat(upstreams).as("cleave.gateway.upstream.* in " + SHIPPED).isEqualTo(declared);
  }
}
