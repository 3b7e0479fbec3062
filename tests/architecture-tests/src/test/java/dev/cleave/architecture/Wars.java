package dev.cleave.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Fixture WARs: a real deployable with one library swapped for another. */
final class Wars {

  private Wars() {}

  /**
   * A copy of {@code war} without the libraries whose name starts with {@code dropped} and with
   * {@code added} in {@code WEB-INF/lib}.
   */
  static Path replacing(Path war, String dropped, Path added, Path target) throws IOException {
    try (ZipFile source = new ZipFile(war.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
      Enumeration<? extends ZipEntry> entries = source.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.getName().startsWith("WEB-INF/lib/" + dropped)) {
          continue;
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        try (InputStream in = source.getInputStream(entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
      out.putNextEntry(new ZipEntry("WEB-INF/lib/" + added.getFileName()));
      Files.copy(added, out);
      out.closeEntry();
    }
    return target;
  }

  /**
   * The library a class was loaded from, as a jar: the jar itself, or (when the build runs on class
   * folders) the folder zipped into {@code scratch}.
   */
  static Path jarOf(Class<?> type, Path scratch) throws IOException {
    Path location;
    try {
      location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    if (!Files.isDirectory(location)) {
      return location;
    }
    Path jar = scratch.resolve(type.getPackageName() + ".jar");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(location)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (Path path : files) {
        out.putNextEntry(new ZipEntry(location.relativize(path).toString().replace('\\', '/')));
        Files.copy(path, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
