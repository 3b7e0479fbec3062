package dev.cleave.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders a Kustomize folder with {@code kubectl kustomize} (the Kustomize that ships in kubectl,
 * as a cluster's {@code kubectl apply -k} would use it) and reads YAML strictly: a key given twice
 * in one mapping is an error, not the last one winning.
 */
final class Kustomize {

  static final Path K8S = locate();

  static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private Kustomize() {}

  /** deploy/k8s, wherever the tests run from (the module folder or the repository root). */
  private static Path locate() {
    for (Path candidate : List.of(Path.of(""), Path.of("deploy/k8s"))) {
      Path folder = candidate.toAbsolutePath();
      if (Files.isRegularFile(folder.resolve("make-secrets.sh"))) {
        return folder;
      }
    }
    throw new IllegalStateException("deploy/k8s not found from " + Path.of("").toAbsolutePath());
  }

  /** The repository's root. */
  static Path root() {
    return K8S.getParent().getParent();
  }

  /** The overlay of a shape: {@code extract:payment} is {@code overlays/extract-payment}. */
  static Path overlay(String shape) {
    return K8S.resolve("overlays").resolve(shape.replace(':', '-'));
  }

  /** The objects {@code kubectl kustomize folder} renders. */
  static List<JsonNode> render(Path folder) {
    return documents(run(List.of("kubectl", "kustomize", folder.toString())));
  }

  /**
   * The Secrets {@code make-secrets.sh} prints, by name, with their keys decoded; its keys and
   * passwords kept in {@code keys}. It must print nothing but them, and those on standard output.
   */
  static Map<String, Map<String, String>> makeSecrets(Path keys, Map<String, String> environment) {
    Printed printed =
        run(
            List.of("bash", K8S.resolve("make-secrets.sh").toString(), "--keys", keys.toString()),
            environment);
    if (!printed.err().isEmpty()) {
      throw new IllegalStateException(
          "make-secrets.sh printed to standard error: " + printed.err());
    }
    Map<String, Map<String, String>> secrets = new TreeMap<>();
    for (JsonNode secret : documents(printed.out())) {
      if (!secret.path("kind").asString("").equals("Secret")) {
        throw new IllegalStateException("make-secrets.sh printed a " + secret.path("kind"));
      }
      if (!Schema.problems(secret).isEmpty()) {
        throw new IllegalStateException("make-secrets.sh printed " + Schema.problems(secret));
      }
      Map<String, String> data = new TreeMap<>();
      secret
          .path("data")
          .properties()
          .forEach(
              e ->
                  data.put(
                      e.getKey(),
                      new String(
                          Base64.getDecoder().decode(e.getValue().asString()),
                          StandardCharsets.UTF_8)));
      secrets.put(secret.path("metadata").path("name").asString(), data);
    }
    return secrets;
  }

  /** Every YAML document of a text, strictly parsed. */
  static List<JsonNode> documents(String yaml) {
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      return docs.readAll().stream().filter(doc -> doc != null && !doc.isNull()).toList();
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not valid YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** What a command printed: its standard output and its standard error. */
  record Printed(String out, String err) {}

  /** Runs a command to its end (at most two minutes) and returns its standard output. */
  static String run(List<String> command) {
    return run(command, Map.of()).out();
  }

  /**
   * Runs a command with further environment variables to its end (at most two minutes); fails with
   * its standard error if it exits with another code than 0.
   */
  static Printed run(List<String> command, Map<String, String> environment) {
    try {
      Path out = Files.createTempFile("k8s-out", ".txt");
      Path err = Files.createTempFile("k8s-err", ".txt");
      try {
        Process process;
        try {
          ProcessBuilder builder = new ProcessBuilder(command);
          builder.environment().putAll(environment);
          process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
          throw new IllegalStateException(
              command.get(0)
                  + " is needed to render the manifests and was not found (.ci/run installs it)",
              e);
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " took over two minutes");
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              String.join(" ", command)
                  + " failed ("
                  + process.exitValue()
                  + "): "
                  + Files.readString(err, StandardCharsets.UTF_8).strip());
        }
        return new Printed(
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
