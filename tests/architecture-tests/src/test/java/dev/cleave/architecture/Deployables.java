package dev.cleave.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.cleave.launcher.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * "Packaging decides the binding": in a deployable, every module interface (a {@code @Path}
 * interface of a {@code dev.cleave.<module>.api} package) has exactly one binding — the core's
 * in-process class or the client's remote adapter. Zero would fail at the first injection; two
 * would be ambiguous. The module API's own HTTP exposure ({@code ..internal.rest..}) is no binding.
 */
final class Deployables {

  private static final Pattern MODULE_PART =
      Pattern.compile("dev\\.cleave\\.([a-z]+)\\.(internal|client)(\\..*)?");

  private Deployables() {}

  /**
   * The Cleave classes a WAR holds: its {@code WEB-INF/classes} and its {@code dev.cleave}
   * libraries.
   */
  static JavaClasses cleaveClassesOf(Path war, Path scratch) {
    List<Path> jars = new ArrayList<>();
    try (ZipFile zip = new ZipFile(war.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
          Path jar = scratch.resolve(name.substring("WEB-INF/lib/".length()));
          try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
          }
          jars.add(jar);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<JarFile> opened = new ArrayList<>();
    try {
      for (Path jar : jars) {
        JarFile file = new JarFile(jar.toFile());
        // Only libraries with Cleave classes: importing Hibernate and friends costs seconds and
        // says nothing.
        if (file.stream().anyMatch(e -> e.getName().startsWith("dev/cleave/"))) {
          opened.add(file);
        } else {
          file.close();
        }
      }
      JavaClasses all = new ClassFileImporter().importJars(opened);
      return all.that(
          DescribedPredicate.describe(
              "are Cleave classes", (JavaClass c) -> c.getPackageName().startsWith("dev.cleave.")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (JarFile jar : opened) {
        try {
          jar.close();
        } catch (IOException ignored) {
          // scratch files only
        }
      }
    }
  }

  /**
   * How a deployable's classes differ from what its shape declares for its server: the modules
   * whose core ({@code dev.cleave.<m>.internal..}) and whose client ({@code
   * dev.cleave.<m>.client..}) it packages must be exactly the node's {@link Topology.Node#modules()
   * modules} and {@link Topology.Node#remote() remote calls}. Empty if they agree.
   */
  static List<String> differencesFromDeclaration(Topology.Node node, JavaClasses classes) {
    List<String> differences = new ArrayList<>();
    Set<String> cores = modulesWith(classes, "internal");
    Set<String> clients = modulesWith(classes, "client");
    Set<String> declaredCores = new TreeSet<>(node.modules());
    // The gateway's "remote" are its routes: it forwards HTTP and packages no module client.
    Set<String> declaredClients =
        new TreeSet<>(node.isGateway() ? Set.of() : node.remote().keySet());
    if (!cores.equals(declaredCores)) {
      differences.add(
          node.server() + " packages the cores of " + cores + ", declared " + declaredCores);
    }
    if (!clients.equals(declaredClients)) {
      differences.add(
          node.server() + " packages the clients of " + clients + ", declared " + declaredClients);
    }
    return differences;
  }

  /**
   * The business modules with classes in their {@code part} ({@code internal} or {@code client}).
   */
  private static Set<String> modulesWith(JavaClasses classes, String part) {
    Set<String> modules = new TreeSet<>();
    for (JavaClass type : classes) {
      Matcher matcher = MODULE_PART.matcher(type.getPackageName());
      if (matcher.matches()
          && matcher.group(2).equals(part)
          && Topology.MODULES.contains(matcher.group(1))) {
        modules.add(matcher.group(1));
      }
    }
    return modules;
  }

  /**
   * Module interfaces among {@code classes} without exactly one binding, with the bindings found.
   */
  static List<String> interfacesWithoutExactlyOneBinding(JavaClasses classes) {
    List<String> violations = new ArrayList<>();
    for (JavaClass api : classes) {
      if (!api.isInterface()
          || !api.getPackageName().matches("dev\\.cleave\\.(.*\\.)?[a-z]+\\.api")
          || !api.isAnnotatedWith(jakarta.ws.rs.Path.class)) {
        continue;
      }
      List<String> bindings =
          classes.stream()
              .filter(c -> !c.isInterface() && c.getAllRawInterfaces().contains(api))
              .filter(c -> !c.getPackageName().contains(".internal.rest"))
              .map(JavaClass::getName)
              .toList();
      if (bindings.size() != 1) {
        violations.add(api.getName() + " has " + bindings.size() + " bindings " + bindings);
      }
    }
    return violations;
  }
}
