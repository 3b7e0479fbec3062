package dev.cleave.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteFilesTest {

  private final SiteFiles files = new SiteFiles(SiteFilesTest.class.getClassLoader());

  @Test
  void servesThePageAsHtmlWithAnEntityTagOfItsContent() {
    SiteFile page = files.page();
    assertThat(page.contentType()).isEqualTo("text/html;charset=UTF-8");
    assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<main id=\"main\"");
    assertThat(page.etag()).matches("\"[A-Za-z0-9_-]{22}\"");
    assertThat(page.matches(page.etag())).isTrue();
    assertThat(page.matches("W/" + page.etag())).isTrue();
    assertThat(page.matches("\"other\", " + page.etag())).isTrue();
    assertThat(page.matches("*")).isTrue();
    assertThat(page.matches("\"other\"")).isFalse();
    assertThat(page.matches(null)).isFalse();
  }

  @Test
  void servesAssetsWithTheirMediaTypes() {
    assertThat(files.asset("app.js"))
        .get()
        .extracting(SiteFile::contentType)
        .isEqualTo("text/javascript;charset=UTF-8");
    assertThat(files.asset("style.css"))
        .get()
        .extracting(SiteFile::contentType)
        .isEqualTo("text/css;charset=UTF-8");
    assertThat(files.asset("favicon.svg"))
        .get()
        .extracting(SiteFile::contentType)
        .isEqualTo("image/svg+xml");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "missing.js",
        "../index.html",
        "..%2Findex.html",
        "assets/app.js",
        "/app.js",
        "App.js",
        "app.JS",
        "app.js.map",
        "index.html",
        ".js",
        "-app.js",
        "app.js ",
        "app.js\u0000",
        "dom.class"
      })
  void anythingButAFlatFileNameOfTheSiteIsNotAFile(String name) {
    assertThat(files.asset(name)).isEmpty();
  }

  @Test
  void noNameIsNotAFile() {
    assertThat(files.asset(null)).isEmpty();
  }
}
