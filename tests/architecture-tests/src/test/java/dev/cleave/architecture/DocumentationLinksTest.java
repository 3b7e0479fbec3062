package dev.cleave.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every link and document reference in the tree resolves: a Markdown link to a file (and its {@code
 * #anchor}, to a heading of that file), and every mention of a document path such as {@code
 * docs/adr/0003-embedded-database-and-launcher.md} in code, configuration, scripts and docs. A
 * renamed or renumbered document then fails the build instead of leaving a stale pointer behind.
 */
class DocumentationLinksTest {

  /** A Markdown link {@code [text](target)}; images too. */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  /**
   * A repository path to a document, written from the root ({@code modules/order/README.md}, {@code
   * docs/…}).
   */
  private static final Pattern MENTION =
      Pattern.compile(
          "(?<![\\w./-])((?:docs|modules|bench|deploy|tools|platform|tests|gateway-module)/[\\w./-]*\\.md)");

  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
  private static final Set<String> SKIPPED_DIRECTORIES =
      Set.of("target", ".git", "node_modules", ".mvn");
  private static final Set<String> TEXT =
      Set.of("java", "xml", "md", "options", "properties", "sh", "yaml", "yml", "txt", "json");

  private static final Path ROOT = root();

  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null
        && !(Files.exists(dir.resolve("README.md"))
            && Files.isDirectory(dir.resolve("docs/adr")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "the repository root (README.md beside docs/adr) is not above "
              + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  @Test
  void everyMarkdownLinkReachesAFileAndItsHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    List<Path> documents = files("md");
    assertThat(documents).as("Markdown files of the tree").hasSizeGreaterThan(10);
    for (Path document : documents) {
      Matcher link = LINK.matcher(read(document));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
          continue; // http:, https:, mailto:: not ours to check offline
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
          broken.add(ROOT.relativize(document) + ": " + target + " (no such file)");
        } else if (anchor != null
            && resolved.toString().endsWith(".md")
            && !anchors(resolved).contains(anchor)) {
          broken.add(ROOT.relativize(document) + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  void everyMentionedDocumentExists() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path file : files(null)) {
      Matcher mention = MENTION.matcher(read(file));
      while (mention.find()) {
        String path = mention.group(1);
        if (!Files.exists(ROOT.resolve(path))) {
          broken.add(ROOT.relativize(file) + ": " + path);
        }
      }
    }
    assertThat(broken).as("mentions of documents that do not exist").isEmpty();
  }

  @Test
  void theCheckNoticesAStaleMentionAndReadsHeadingsAsGitHubDoes() {
    // The stale pointer this check caught in three jvm.options (the launcher's ADR is number 3).
    String stale = "docs/adr/" + "0004-embedded-database-and-launcher.md";
    Matcher mention = MENTION.matcher("# Sized for a 2-core machine; see " + stale + ".");
    assertThat(mention.find()).isTrue();
    assertThat(mention.group(1)).isEqualTo(stale);
    assertThat(Files.exists(ROOT.resolve(stale))).as("the stale target").isFalse();
    assertThat(anchors(ROOT.resolve("docs/configuration.md")))
        .contains("gateway-gateway-module-split-and-extract-modes");
  }

  /**
   * The anchors GitHub gives a document's headings (lower case, punctuation dropped, spaces to
   * hyphens).
   */
  private static Set<String> anchors(Path document) {
    Set<String> anchors = new HashSet<>();
    boolean fenced = false;
    for (String line : read(document).split("\n")) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      }
      Matcher heading = HEADING.matcher(line);
      if (!fenced && heading.matches()) {
        String slug = slug(heading.group(1));
        String unique = slug;
        for (int n = 1; !anchors.add(unique); n++) {
          unique = slug + "-" + n;
        }
      }
    }
    return anchors;
  }

  private static String slug(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  /**
   * The tree's text files with this extension (or every text file), build output and VCS folders
   * skipped.
   */
  private static List<Path> files(String extension) throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              p -> {
                for (Path part : ROOT.relativize(p)) {
                  if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                    return false;
                  }
                }
                return true;
              })
          .filter(
              p -> {
                String name = p.getFileName().toString();
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
                return extension == null ? TEXT.contains(ext) : ext.equals(extension);
              })
          .sorted()
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }
}
