package dev.cleave.architecture;

import dev.cleave.kernel.Money;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checks that keep modules splittable into services, beyond package dependencies:
 *
 * <ul>
 *   <li>every record of a module API survives a JSON-B round trip (what a remote call does to it);
 *   <li>no foreign key in a module's migrations refers to a table the module does not create, and
 *       no migration or query names another module's schema.
 * </ul>
 *
 * Each check returns its violations, so that tests can prove it on fixtures as well as run it on
 * Cleave.
 */
final class Splittability {

  /** Each business module's schema (the name its migrations and persistence unit own). */
  static final Map<String, String> SCHEMAS =
      Map.of("user", "users", "product", "catalog", "payment", "payments", "order", "ordering");

  private static final Instant SAMPLE_TIME = Instant.parse("2026-11-24T10:15:30.123456Z");
  private static final Pattern CREATE_TABLE =
      Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
  private static final Pattern REFERENCES =
      Pattern.compile("(?i)references\\s+([a-z_][a-z0-9_.]*)");

  private Splittability() {}

  // ---------------------------------------------------------------- JSON-B round trip

  /** The records among {@code types} that do not come back equal from JSON-B, with the reason. */
  @SuppressWarnings(
      "try") // Jsonb.close() declares Exception; Yasson's never throws InterruptedException
  static List<String> recordsThatDoNotRoundTrip(List<Class<?>> types) {
    List<String> violations = new ArrayList<>();
    try (Jsonb jsonb = JsonbBuilder.create()) {
      for (Class<?> type : types) {
        if (!type.isRecord()) {
          continue;
        }
        try {
          Object sample = sample(type, type);
          String json = jsonb.toJson(sample);
          Object back = jsonb.fromJson(json, type);
          if (!sample.equals(back)) {
            violations.add(type.getName() + ": " + json + " came back as " + back);
          }
        } catch (RuntimeException e) {
          violations.add(type.getName() + ": " + e);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return violations;
  }

  /** A value of {@code type} with every component filled (collections with one element). */
  static Object sample(Type type, Class<?> owner) {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Object element = sample(parameterized.getActualTypeArguments()[0], owner);
      if (List.class.isAssignableFrom(raw)) {
        return List.of(element);
      }
      if (Set.class.isAssignableFrom(raw)) {
        return Set.of(element);
      }
      throw new IllegalArgumentException("no sample for " + type + " in " + owner.getName());
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return "1";
    }
    if (c == long.class || c == Long.class) {
      return 1L;
    }
    if (c == int.class || c == Integer.class) {
      return 1;
    }
    if (c == boolean.class || c == Boolean.class) {
      return true;
    }
    if (c == BigDecimal.class) {
      return new BigDecimal("1.00");
    }
    if (c == Instant.class) {
      return SAMPLE_TIME;
    }
    if (c == Money.class) {
      return Money.of("12.34", "EUR");
    }
    if (c.isEnum()) {
      return c.getEnumConstants()[0];
    }
    if (c.isRecord()) {
      RecordComponent[] components = c.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        values[i] = sample(components[i].getGenericType(), c);
        types[i] = components[i].getType();
      }
      try {
        return c.getDeclaredConstructor(types).newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException("cannot make a " + c.getName() + ": " + e, e);
      }
    }
    throw new IllegalArgumentException("no sample for " + c.getName() + " in " + owner.getName());
  }

  // ---------------------------------------------------------------- schemas

  /**
   * Foreign keys that leave their module, and names of other modules' schemas, in the migrations
   * under {@code migrations} (one folder per module, named as in {@link #SCHEMAS}).
   */
  static List<String> migrationsThatCrossModules(Path migrations) {
    List<String> violations = new ArrayList<>();
    for (String module : SCHEMAS.keySet()) {
      Path folder = migrations.resolve(module);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      Map<Path, String> scripts = sqlFiles(folder);
      Set<String> tables = new LinkedHashSet<>();
      scripts
          .values()
          .forEach(
              sql -> {
                Matcher m = CREATE_TABLE.matcher(withoutComments(sql));
                while (m.find()) {
                  tables.add(m.group(1).toLowerCase(Locale.ROOT));
                }
              });
      scripts.forEach(
          (file, sql) -> {
            String code = withoutComments(sql);
            Matcher m = REFERENCES.matcher(code);
            while (m.find()) {
              String target = m.group(1).toLowerCase(Locale.ROOT);
              if (target.contains(".") || !tables.contains(target)) {
                violations.add(
                    file
                        + ": foreign key to "
                        + target
                        + ", which module "
                        + module
                        + " does not create");
              }
            }
            violations.addAll(otherSchemasNamed(module, file, code));
          });
    }
    return violations;
  }

  /**
   * Java sources of module cores under {@code modules} whose code names another module's schema.
   */
  static List<String> sourcesThatNameOtherSchemas(Path modules) {
    List<String> violations = new ArrayList<>();
    for (String module : SCHEMAS.keySet()) {
      Path core = modules.resolve(module).resolve(module + "-core").resolve("src/main/java");
      if (!Files.isDirectory(core)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(core)) {
        files
            .filter(p -> p.toString().endsWith(".java"))
            .forEach(
                file ->
                    violations.addAll(otherSchemasNamed(module, file, stringLiterals(read(file)))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return violations;
  }

  private static List<String> otherSchemasNamed(String module, Path file, String text) {
    List<String> violations = new ArrayList<>();
    SCHEMAS.forEach(
        (other, schema) -> {
          if (!other.equals(module)
              && Pattern.compile("(?i)\\b" + schema + "\\s*\\.\\s*[a-z_]").matcher(text).find()) {
            violations.add(file + ": names schema " + schema + " of module " + other);
          }
        });
    return violations;
  }

  private static Map<Path, String> sqlFiles(Path folder) {
    Map<Path, String> scripts = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(p -> p.toString().endsWith(".sql")).forEach(p -> scripts.put(p, read(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return scripts;
  }

  private static String withoutComments(String sql) {
    return sql.replaceAll("--[^\\n]*", " ").replaceAll("(?s)/\\*.*?\\*/", " ");
  }

  /** The contents of the string literals (and text blocks) of a Java source, where queries live. */
  static String stringLiterals(String java) {
    StringBuilder out = new StringBuilder();
    Matcher blocks = Pattern.compile("(?s)\"\"\"(.*?)\"\"\"").matcher(java);
    while (blocks.find()) {
      out.append(blocks.group(1)).append('\n');
    }
    Matcher literals =
        Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"")
            .matcher(java.replaceAll("(?s)\"\"\".*?\"\"\"", ""));
    while (literals.find()) {
      out.append(literals.group(1)).append('\n');
    }
    return out.toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
