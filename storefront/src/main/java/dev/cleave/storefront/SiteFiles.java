package dev.cleave.storefront;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The site's files, read from this jar's {@code dev/cleave/storefront/site/} once and kept in
 * memory (the whole site is a few tens of kilobytes). An asset is named by one flat, lower-case
 * file name with a known extension: anything else (a path, {@code ..}, an encoded slash, a kind the
 * site does not serve) is not a file of the site, so nothing outside that folder can be read.
 */
final class SiteFiles {

  static final String ROOT = "dev/cleave/storefront/site/";
  static final String PAGE = "index.html";

  private static final Pattern ASSET = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}\\.(js|css|svg)");

  private final ClassLoader loader;
  private final Map<String, Optional<SiteFile>> read = new ConcurrentHashMap<>();

  SiteFiles(ClassLoader loader) {
    this.loader = loader;
  }

  /** The one HTML page every storefront URL answers with; its scripts draw the view. */
  SiteFile page() {
    return load(PAGE)
        .orElseThrow(() -> new IllegalStateException("The storefront jar has no " + ROOT + PAGE));
  }

  /** An asset by its file name; empty when the name is not one of the site's files. */
  Optional<SiteFile> asset(String name) {
    if (name == null || !ASSET.matcher(name).matches()) {
      return Optional.empty();
    }
    return load("assets/" + name);
  }

  private Optional<SiteFile> load(String path) {
    return read.computeIfAbsent(path, this::readFile);
  }

  private Optional<SiteFile> readFile(String path) {
    try (InputStream in = loader.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new SiteFile(in.readAllBytes(), SiteFile.mediaType(path)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the storefront's " + path, e);
    }
  }
}
