package dev.cleave.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every YAML file of deploy/k8s parses strictly (no key twice in a mapping) and is laid out alike:
 * indented by two spaces, no tab, no trailing blank, a final newline.
 */
class YamlLintTest {

  static List<Path> yamlFiles() throws IOException {
    try (Stream<Path> files = Files.walk(Kustomize.K8S)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> !Kustomize.K8S.relativize(p).startsWith("target"))
          .filter(p -> !Kustomize.K8S.relativize(p).startsWith("src"))
          .sorted()
          .toList();
    }
  }

  static List<String> problems(String file, String text) {
    List<String> problems = new ArrayList<>();
    if (!text.endsWith("\n")) {
      problems.add(file + ": no newline at the end");
    }
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String at = file + ":" + (i + 1) + ": ";
      if (line.indexOf('\t') >= 0) {
        problems.add(at + "a tab");
      }
      if (!line.equals(line.stripTrailing())) {
        problems.add(at + "trailing blanks");
      }
      int indent = line.length() - line.stripLeading().length();
      if (!line.isBlank() && indent % 2 != 0) {
        problems.add(at + "indented by " + indent + ", not a multiple of two");
      }
    }
    try {
      Kustomize.documents(text);
    } catch (IllegalArgumentException e) {
      problems.add(file + ": " + e.getMessage());
    }
    return problems;
  }

  @Test
  void everyManifestIsStrictYamlLaidOutAlike() throws IOException {
    List<Path> files = yamlFiles();

    assertThat(files).hasSizeGreaterThan(40);
    assertThat(files.stream().flatMap(f -> problems(f.toString(), read(f)).stream())).isEmpty();
  }

  @Test
  void aKeyGivenTwiceAnOddIndentAndATabFail() {
    assertThat(problems("x.yaml", "a: 1\nb:\n  c: 2\na: 3\n"))
        .anySatisfy(p -> assertThat(p).contains("Duplicate Object property \"a\""));
    assertThat(problems("x.yaml", "a:\n   b: 1\n"))
        .anySatisfy(p -> assertThat(p).contains("indented by 3"));
    assertThat(problems("x.yaml", "a:\n\tb: 1"))
        .contains("x.yaml: no newline at the end", "x.yaml:2: a tab");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
