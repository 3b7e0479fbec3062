package dev.cleave.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules the site's sources keep so that its Content-Security-Policy holds and no data becomes
 * markup (ADR 13): no inline script, style or event handler in the page; no HTML parsing, {@code
 * eval} or browser storage in the scripts (tokens never go to {@code localStorage}); every file the
 * page or a script names is a file the servlet serves.
 */
class SiteSourcesTest {

  private static final Path SITE = Path.of("src/main/resources", SiteFiles.ROOT);

  private final SiteFiles files = new SiteFiles(SiteSourcesTest.class.getClassLoader());

  @Test
  void thePageHasNoInlineScriptStyleOrHandler() throws IOException {
    String page = Files.readString(SITE.resolve(SiteFiles.PAGE));
    assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find())
        .as("a script element without src")
        .isFalse();
    assertThat(page).doesNotContain("<style").doesNotContainPattern("\\sstyle\\s*=");
    assertThat(page).doesNotContainPattern("\\son[a-z]+\\s*=").doesNotContain("javascript:");
  }

  @Test
  void theScriptsNeverParseHtmlEvaluateTextOrStoreInTheBrowser() throws IOException {
    for (Path script : assets(".js")) {
      String code = Files.readString(script);
      assertThat(code)
          .as(script.getFileName().toString())
          .doesNotContain(
              "innerHTML",
              "outerHTML",
              "insertAdjacentHTML",
              "document.write",
              "eval(",
              "new Function",
              "localStorage",
              "sessionStorage",
              "indexedDB",
              "document.cookie",
              "javascript:");
    }
  }

  @Test
  void everyFileThePageOrAScriptNamesIsServed() throws IOException {
    String page = Files.readString(SITE.resolve(SiteFiles.PAGE));
    List<String> named = matches(Pattern.compile("\"/assets/([^\"]+)\""), page);
    assertThat(named).contains("app.js", "style.css", "favicon.svg");
    for (Path script : assets(".js")) {
      named.addAll(matches(Pattern.compile("from '\\./([^']+)'"), Files.readString(script)));
    }
    assertThat(named).allSatisfy(name -> assertThat(files.asset(name)).as(name).isPresent());
  }

  /**
   * The pages the router draws are exactly the URLs the servlet answers with the page: a page the
   * servlet did not map would be the API's 404 on reload, a mapping the router does not know would
   * be a blank "not found" view.
   */
  @Test
  void theRoutersPagesAreTheServletsMappings() throws IOException {
    String app = Files.readString(SITE.resolve("assets/app.js"));
    Matcher pages = Pattern.compile("export const PAGES = \\[([^\\]]*)\\]").matcher(app);
    assertThat(pages.find()).as("app.js declares PAGES").isTrue();
    List<String> routed = matches(Pattern.compile("'([^']*)'"), pages.group(1));
    String fragment = Files.readString(Path.of("src/main/resources/META-INF/web-fragment.xml"));
    List<String> mapped =
        matches(Pattern.compile("<url-pattern>([^<]*)</url-pattern>"), fragment).stream()
            .filter(pattern -> !pattern.equals(StorefrontServlet.ASSETS + "/*"))
            .map(pattern -> pattern.isEmpty() ? "/" : pattern.replaceFirst("\\*$", ""))
            .toList();
    assertThat(fragment).contains("<url-pattern>" + StorefrontServlet.ASSETS + "/*</url-pattern>");
    assertThat(routed).containsExactlyInAnyOrderElementsOf(mapped).contains("/", "/products/");
  }

  @Test
  void everyFileOfTheSiteHasAServableName() throws IOException {
    try (Stream<Path> all = Files.list(SITE.resolve("assets"))) {
      assertThat(all.map(path -> path.getFileName().toString()))
          .isNotEmpty()
          .allSatisfy(name -> assertThat(files.asset(name)).as(name).isPresent());
    }
  }

  private static List<Path> assets(String extension) throws IOException {
    try (Stream<Path> all = Files.list(SITE.resolve("assets"))) {
      return all.filter(path -> path.toString().endsWith(extension)).sorted().toList();
    }
  }

  private static List<String> matches(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    List<String> found = new ArrayList<>();
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
