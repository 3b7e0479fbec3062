package dev.cleave.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.launcher.Topology;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * make-secrets.sh makes every Secret an overlay references, with every key it reads, and nothing
 * else; the token keys it makes fit together as ADR 9 says (each signing key's public half among
 * the verification keys, the service keys exactly the callers'), and a second run keeps them.
 */
class K8sSecretsTest {

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  @TempDir Path keys;

  private Map<String, Map<String, String>> secrets(Map<String, String> environment) {
    return Kustomize.makeSecrets(keys.resolve("k"), environment);
  }

  /** Every (Secret, key) an overlay's pods and Ingress read, and whether it may be absent. */
  private static Map<String, Boolean> referenced() {
    Map<String, Boolean> references = new TreeMap<>();
    List<Path> overlays =
        Stream.concat(
                Topology.SHAPES.stream().map(Kustomize::overlay),
                Stream.of(Kustomize.K8S.resolve("overlays/split-mesh")))
            .toList();
    for (Path overlay : overlays) {
      Rendered rendered = new Rendered(Kustomize.render(overlay));
      List<JsonNode> workloads = new ArrayList<>(rendered.all("Deployment"));
      workloads.addAll(rendered.all("StatefulSet"));
      for (JsonNode workload : workloads) {
        JsonNode container = Rendered.container(workload);
        rendered
            .environment(container)
            .forEach(
                (name, value) -> {
                  if (value.startsWith("secret:")) {
                    boolean optional =
                        container
                            .path("env")
                            .valueStream()
                            .filter(v -> v.path("name").asString().equals(name))
                            .anyMatch(
                                v ->
                                    v.path("valueFrom")
                                        .path("secretKeyRef")
                                        .path("optional")
                                        .asBoolean(false));
                    references.merge(
                        value.substring("secret:".length()), optional, Boolean::logicalAnd);
                  } else if (value.startsWith("/")) {
                    Rendered.secretMountedFor(workload, value)
                        .ifPresent(
                            secret ->
                                references.put(secret + "/" + Path.of(value).getFileName(), false));
                  }
                });
        Rendered.mountedSecrets(workload).forEach(s -> references.putIfAbsent(s + "/", false));
      }
      rendered
          .all("Ingress")
          .forEach(
              i ->
                  i.path("spec")
                      .path("tls")
                      .forEach(
                          t ->
                              references.put(t.path("secretName").asString() + "/tls.crt", false)));
    }
    return references;
  }

  @Test
  void itMakesEverySecretTheOverlaysReadWithEveryKeyAndNoOther() throws Exception {
    Map<String, Map<String, String>> made = secrets(Map.of());
    Map<String, Map<String, String>> withAdmin =
        secrets(Map.of("CLEAVE_ADMIN_EMAIL", "admin@cleave.test", "CLEAVE_ADMIN_PASSWORD", "x"));

    Map<String, Boolean> references = referenced();
    Set<String> secretsReferenced = new TreeSet<>();
    references.forEach(
        (reference, optional) -> {
          String secret = reference.substring(0, reference.indexOf('/'));
          String key = reference.substring(reference.indexOf('/') + 1);
          secretsReferenced.add(secret);
          Map<String, Map<String, String>> from = optional ? withAdmin : made;
          assertThat(from).as(reference).containsKey(secret);
          if (!key.isEmpty()) {
            assertThat(from.get(secret)).as(reference).containsKey(key);
          }
        });
    assertThat(withAdmin.keySet()).isEqualTo(secretsReferenced);
    assertThat(made).doesNotContainKey("cleave-admin");
    assertThat(withAdmin.get("cleave-admin"))
        .containsEntry("email", "admin@cleave.test")
        .containsEntry("password", "x");
    // One password per database of every shape.
    Topology.SHAPES.stream()
        .flatMap(s -> Topology.of(s, "cleave", Topology.DEFAULT_PORTS::get).databases().stream())
        .forEach(
            db ->
                assertThat(made.get(ShapeRules.databaseSecret(db)).get("password"))
                    .hasSizeGreaterThan(30));
  }

  @Test
  void theTokenKeysFitTogetherAndASecondRunKeepsThem() throws Exception {
    Map<String, Map<String, String>> made = secrets(Map.of());

    List<BigInteger> verify = publicModuli(made.get("cleave-token-keys").get("verify.pem"));
    List<BigInteger> service = publicModuli(made.get("cleave-token-keys").get("service-keys.pem"));
    BigInteger user = privateModulus(made.get("cleave-user-signing-key").get("private.pem"));
    Map<String, BigInteger> callers = new LinkedHashMap<>();
    Topology.deployables().values().stream()
        .filter(Topology.Node::callsServices)
        .forEach(
            node ->
                callers.put(
                    node.server(),
                    privateModulus(
                        made.get("cleave-service-key-" + node.server()).get("private.pem"))));

    assertThat(callers).isNotEmpty();
    assertThat(new TreeSet<>(service)).isEqualTo(new TreeSet<>(callers.values()));
    assertThat(new TreeSet<>(verify))
        .isEqualTo(new TreeSet<>(Stream.concat(Stream.of(user), service.stream()).toList()));
    assertThat(service).doesNotContain(user);
    assertThat(made.keySet().stream().filter(s -> s.startsWith("cleave-service-key-")))
        .containsExactlyInAnyOrderElementsOf(
            callers.keySet().stream().map(s -> "cleave-service-key-" + s).toList());
    // Made once, outside the repository, readable by their owner only.
    assertThat(Files.getPosixFilePermissions(keys.resolve("k")))
        .containsExactlyInAnyOrder(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);
    assertThat(secrets(Map.of())).isEqualTo(made);
  }

  private static List<BigInteger> publicModuli(String pem) throws GeneralSecurityException {
    List<BigInteger> moduli = new ArrayList<>();
    Matcher blocks = PEM.matcher(pem);
    while (blocks.find()) {
      assertThat(blocks.group(1)).isEqualTo("PUBLIC KEY");
      moduli.add(
          ((RSAPublicKey)
                  KeyFactory.getInstance("RSA")
                      .generatePublic(new X509EncodedKeySpec(decode(blocks.group(2)))))
              .getModulus());
    }
    return moduli;
  }

  private static BigInteger privateModulus(String pem) {
    Matcher block = PEM.matcher(pem);
    assertThat(block.find()).isTrue();
    assertThat(block.group(1)).isEqualTo("PRIVATE KEY");
    try {
      return ((RSAPrivateCrtKey)
              KeyFactory.getInstance("RSA")
                  .generatePrivate(new PKCS8EncodedKeySpec(decode(block.group(2)))))
          .getModulus();
    } catch (GeneralSecurityException e) {
      throw new AssertionError("not a PKCS #8 RSA key", e);
    }
  }

  private static byte[] decode(String base64) {
    return Base64.getMimeDecoder().decode(base64);
  }
}
