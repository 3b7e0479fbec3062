package dev.cleave.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.launcher.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every shape's overlay renders, every object it renders is valid against Kubernetes' schema, and
 * the overlay says what the shapes' declaration says; a manifest broken on purpose fails each
 * check.
 */
class K8sManifestsTest {

  static Stream<String> shapes() {
    return Topology.SHAPES.stream();
  }

  static Topology topology(String shape) {
    return Topology.of(shape, "cleave", Topology.DEFAULT_PORTS::get);
  }

  static List<String> schemaProblems(List<JsonNode> objects) {
    return objects.stream().flatMap(o -> Schema.problems(o).stream()).toList();
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void everyShapeHasAnOverlayThatRendersValidObjectsAgreeingWithTheDeclaration(String shape) {
    List<JsonNode> objects = Kustomize.render(Kustomize.overlay(shape));

    assertThat(objects).hasSizeGreaterThan(10);
    assertThat(schemaProblems(objects)).isEmpty();
    assertThat(ShapeRules.problems(topology(shape), objects)).isEmpty();
    assertThat(objects)
        .allSatisfy(
            o ->
                assertThat(o.path("metadata").path("namespace").asString("cleave"))
                    .isEqualTo("cleave"));
  }

  @Test
  void everyOverlayIsAShape() throws IOException {
    try (Stream<Path> overlays = Files.list(Kustomize.K8S.resolve("overlays"))) {
      assertThat(overlays.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              Stream.concat(
                      Topology.SHAPES.stream().map(s -> s.replace(':', '-')),
                      Stream.of("split-mesh"))
                  .toList());
    }
  }

  @Test
  void theMeshComponentMeshesTheSplitWithMutualTlsAndNoRetriesOfItsOwn() {
    List<JsonNode> objects = Kustomize.render(Kustomize.K8S.resolve("overlays/split-mesh"));
    Rendered rendered = new Rendered(objects);

    assertThat(schemaProblems(objects)).isEmpty();
    assertThat(ShapeRules.problems(topology("split"), objects)).isEmpty();
    JsonNode namespace = rendered.find("Namespace", "cleave").orElseThrow();
    assertThat(namespace.path("metadata").path("annotations").path("linkerd.io/inject").asString())
        .isEqualTo("enabled");
    assertThat(
            namespace
                .path("metadata")
                .path("annotations")
                .path("config.linkerd.io/default-inbound-policy")
                .asString())
        .isEqualTo("all-authenticated");
    // The front door takes the Ingress controller's connections, meshed or not.
    assertThat(
            rendered
                .find("Deployment", "gateway")
                .orElseThrow()
                .path("spec")
                .path("template")
                .path("metadata")
                .path("annotations")
                .path("config.linkerd.io/default-inbound-policy")
                .asString())
        .isEqualTo("all-unauthenticated");
    // Retries stay Cleave's (CheckoutSteps): nothing asks the mesh for any.
    assertThat(objects.toString())
        .doesNotContainIgnoringCase("retry")
        .doesNotContain("ServiceProfile");
  }

  static Stream<Arguments> brokenManifests() {
    return Stream.of(
        Arguments.of(
            "a probe on the wrong port",
            "extract:payment",
            patch(
                "Deployment",
                "payment-service",
                "replace",
                "/spec/template/spec/containers/0/readinessProbe/httpGet/port",
                "8080"),
            "readinessProbe asks \"/health/ready\" on port 8080"),
        Arguments.of(
            "an unknown field",
            "split",
            patch(
                "Deployment",
                "order-service",
                "add",
                "/spec/template/spec/containers/0/readinessProbe/httpGet/schem",
                "HTTP"),
            "Deployment/order-service:"
                + " .spec.template.spec.containers[0].readinessProbe.httpGet.schem: no such field"),
        Arguments.of(
            "a value of the wrong type",
            "monolith",
            patch("HorizontalPodAutoscaler", "monolith", "replace", "/spec/minReplicas", "two"),
            "HorizontalPodAutoscaler/monolith: "),
        Arguments.of(
            "a kind the API lacks",
            "monolith",
            patch("Service", "monolith", "replace", "/kind", "Servise"),
            "the API has no kind Servise"),
        Arguments.of(
            "a caller the shape does not have",
            "split",
            patch(
                "NetworkPolicy",
                "allow-payment-service",
                "add",
                "/spec/ingress/0/from/-",
                "{podSelector: {matchLabels: {app.kubernetes.io/name: user-service}}}"),
            "pods payment-service: port 9084 admits [gateway, order-service, user-service]"),
        Arguments.of(
            "an upstream on the wrong port",
            "extract:product",
            """
            configMapGenerator:
              - name: gateway-wiring
                behavior: merge
                literals:
                  - CLEAVE_GATEWAY_UPSTREAM_PRODUCT=http://product-service-headless:9999
            """,
            "CLEAVE_GATEWAY_UPSTREAM_PRODUCT is http://product-service-headless:9999"),
        Arguments.of(
            "the user signing key where the user module is not",
            "split",
            patch(
                "Deployment",
                "payment-service",
                "add",
                "/spec/template/spec/volumes/-",
                "{name: stolen, secret: {secretName: cleave-user-signing-key}}"),
            "payment-service: holds the user module's signing key without the user module"));
  }

  private static String patch(String kind, String name, String op, String path, String value) {
    return """
    patches:
      - target:
          kind: %s
          name: %s
        patch: |-
          - op: %s
            path: %s
            value: %s
    """
        .formatted(kind, name, op, path, value);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenManifests")
  void aBrokenManifestFails(String what, String shape, String change, String expected)
      throws IOException {
    // Kustomize takes bases by relative path only: the broken overlay lives beside the real ones.
    Files.createDirectories(Kustomize.K8S.resolve("target"));
    Path dir = Files.createTempDirectory(Kustomize.K8S.resolve("target"), "broken-");
    Files.writeString(
        dir.resolve("kustomization.yaml"),
        """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - %s
        """
                .formatted(dir.relativize(Kustomize.overlay(shape)))
            + change);
    List<JsonNode> objects;
    try {
      objects = Kustomize.render(dir);
    } finally {
      Files.delete(dir.resolve("kustomization.yaml"));
      Files.delete(dir);
    }

    List<String> problems =
        Stream.concat(
                schemaProblems(objects).stream(),
                ShapeRules.problems(topology(shape), objects).stream())
            .toList();

    assertThat(problems).as(what).anySatisfy(p -> assertThat(p).contains(expected));
  }
}
