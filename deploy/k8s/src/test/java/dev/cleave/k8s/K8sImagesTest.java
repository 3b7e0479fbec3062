package dev.cleave.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.launcher.Topology;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every deployable has a Containerfile keeping {@link ContainerfileRules}, and the build context's
 * ignore file admits what they copy and nothing else. The images are not built here (no container
 * engine): docs/kubernetes.md says so.
 */
class K8sImagesTest {

  static Stream<String> deployables() {
    return Topology.deployables().keySet().stream().sorted();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  private static String libertyVersion() {
    Matcher version =
        Pattern.compile("<openliberty.version>([^<]+)</openliberty.version>")
            .matcher(read(Kustomize.root().resolve("pom.xml")));
    assertThat(version.find()).isTrue();
    return version.group(1);
  }

  /**
   * The WAR a server deploys: its {@code webApplication} location, a variable's default where the
   * location is one (the monolith's, which dev mode points at its loose application).
   */
  private static String war(String server) {
    String config =
        read(
            Kustomize.root()
                .resolve("deploy/liberty")
                .resolve(server)
                .resolve("src/main/liberty/config/server.xml"));
    Matcher app = Pattern.compile("<webApplication [^>]*location=\"([^\"]+)\"").matcher(config);
    assertThat(app.find()).as(server + " deploys a WAR").isTrue();
    Matcher variable = Pattern.compile("\\$\\{([^}]+)}").matcher(app.group(1));
    if (!variable.matches()) {
      return app.group(1);
    }
    Matcher fallback =
        Pattern.compile(
                "<variable name=\""
                    + Pattern.quote(variable.group(1))
                    + "\" defaultValue=\"([^\"]+)\"")
            .matcher(config);
    assertThat(fallback.find()).as(server + "'s " + variable.group(1) + " has a default").isTrue();
    return fallback.group(1);
  }

  static String containerfile(String server) {
    return read(
        Kustomize.root().resolve("deploy/liberty").resolve(server).resolve("Containerfile"));
  }

  @ParameterizedTest
  @MethodSource("deployables")
  void everyDeployableHasAContainerfileKeepingTheRules(String server) {
    Topology.Node node = Topology.deployables().get(server);

    assertThat(
            ContainerfileRules.problems(node, containerfile(server), libertyVersion(), war(server)))
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("deployables")
  void theBuildContextAdmitsWhatTheImageCopiesAndNoSecret(String server) {
    List<String> rules =
        read(Kustomize.root().resolve(".containerignore"))
            .lines()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .toList();
    assertThat(rules.get(0)).as("everything is out unless named").isEqualTo("*");
    String base = "target/liberty/wlp/usr/servers/" + server + "/";
    for (String file :
        List.of("server.xml", "jvm.options", "shared/cleave-base.xml", "apps/" + war(server))) {
      assertThat(admitted(rules, base + file)).as(base + file).isTrue();
    }
    for (String file :
        List.of("server.env", "resources/security/key.p12", "logs/messages.log", "workarea/x")) {
      assertThat(admitted(rules, base + file)).as(base + file).isFalse();
    }
    assertThat(admitted(rules, "pom.xml")).isFalse();
  }

  @Test
  void dockerReadsTheSameIgnoreFile() throws IOException {
    Path docker = Kustomize.root().resolve(".dockerignore");
    assertThat(Files.isSymbolicLink(docker)).isTrue();
    assertThat(Files.readSymbolicLink(docker)).isEqualTo(Path.of(".containerignore"));
  }

  /** Docker's and Buildah's reading: the last rule matching a path (or one of its folders) wins. */
  private static boolean admitted(List<String> rules, String path) {
    boolean in = true;
    for (String rule : rules) {
      boolean negated = rule.startsWith("!");
      String pattern = negated ? rule.substring(1) : rule;
      pattern = pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      Path p = Path.of(path);
      boolean matches = false;
      for (Path prefix = p; prefix != null; prefix = prefix.getParent()) {
        matches |= matcher.matches(prefix);
      }
      if (matches) {
        in = negated;
      }
    }
    return in;
  }

  static Stream<Arguments> brokenContainerfiles() {
    return Stream.of(
        Arguments.of("EXPOSE 9084", "EXPOSE 9085", "EXPOSE 9085, the server's port is 9084"),
        Arguments.of(
            "USER 1001", "USER root", "USER root: the image must end as the non-root user"),
        Arguments.of(
            "RUN features.sh",
            "RUN dnf install -y maven && features.sh",
            "only features.sh and configure.sh run"),
        Arguments.of(
            "-kernel-slim-java17-openj9-ubi",
            "-full-java17-openj9-ubi",
            "the first instruction must be FROM"),
        Arguments.of(
            "COPY --chown=1001:0 ${SERVER}/shared/",
            "COPY ${SERVER}/shared/",
            "not --chown=1001:0"),
        Arguments.of(
            "${SERVER}/server.xml",
            "${SERVER}/server.env",
            "an image takes only the built server's"),
        Arguments.of(
            "localhost:9084/health/live", "localhost:9084/health", "HEALTHCHECK must ask"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("brokenContainerfiles")
  void aBrokenContainerfileFails(String from, String to, String expected) {
    String text = containerfile("payment-service");
    assertThat(text).contains(from);

    List<String> problems =
        ContainerfileRules.problems(
            Topology.deployables().get("payment-service"),
            text.replace(from, to),
            libertyVersion(),
            war("payment-service"));

    assertThat(problems).anySatisfy(p -> assertThat(p).contains(expected));
  }
}
