package dev.cleave.architecture;

import dev.cleave.kernel.DomainException;
import dev.cleave.platform.remote.ModuleUnavailableException;
import dev.cleave.platform.remote.RemoteProblems;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Remote callers must see the exceptions in-process callers see: every {@link DomainException} of a
 * module API is listed in its module's {@code <Module>Problems.TYPES}, and the problem document the
 * server renders for it comes back, through {@link RemoteProblems}, as the same class with the same
 * problem type, kind, detail and retry hint. The exception: a refusal rendered as 5xx (kind {@code
 * UNAVAILABLE}) comes back as {@code ModuleUnavailableException}, a failure for the caller.
 */
final class ProblemParity {

  private ProblemParity() {}

  /**
   * The violations among {@code types} (any classes; domain exceptions of {@code ..api} packages
   * are checked).
   */
  static List<String> exceptionsNotRebuiltAlike(List<Class<?>> types) {
    List<String> violations = new ArrayList<>();
    for (Class<?> type : types) {
      if (!DomainException.class.isAssignableFrom(type)
          || Modifier.isAbstract(type.getModifiers())
          || !type.getPackageName().endsWith(".api")) {
        continue;
      }
      String module = type.getPackageName().replaceAll(".*\\.([a-z]+)\\.api$", "$1");
      Map<String, Function<String, DomainException>> registry =
          registry(type.getPackageName(), module);
      if (registry == null) {
        violations.add(
            type.getName()
                + ": its package has no "
                + problemsClass(type.getPackageName(), module));
        continue;
      }
      DomainException original = sample(type);
      if (original == null) {
        violations.add(type.getName() + ": no public constructor taking one String or long");
        continue;
      }
      if (!registry.containsKey(original.problemType())) {
        violations.add(
            type.getName()
                + ": problem type '"
                + original.problemType()
                + "' is not listed in "
                + problemsClass(type.getPackageName(), module));
        continue;
      }
      int status = original.kind().status();
      String body =
          "{\"type\":\"https://cleave.dev/problems/"
              + original.problemType()
              + "\",\"title\":\""
              + original.title()
              + "\",\"status\":"
              + status
              + ",\"detail\":\""
              + original.getMessage().replace("\"", "\\\"")
              + "\"}";
      RuntimeException rebuilt = new RemoteProblems(module, registry).toException(status, body);
      if (status >= 500) {
        // A 5xx is a failure for the remote caller (it trips circuits), whatever its problem type
        // says.
        if (!(rebuilt instanceof ModuleUnavailableException)
            || !rebuilt.getMessage().contains(original.getMessage())) {
          violations.add(
              type.getName()
                  + ": a "
                  + status
                  + " should come back as ModuleUnavailableException with its detail");
        }
      } else if (rebuilt.getClass() != type) {
        violations.add(type.getName() + ": comes back as " + rebuilt.getClass().getName());
      } else {
        DomainException back = (DomainException) rebuilt;
        if (!back.problemType().equals(original.problemType())
            || back.kind() != original.kind()
            || !Objects.equals(back.getMessage(), original.getMessage())
            || !back.retryAfter().equals(original.retryAfter())) {
          violations.add(
              type.getName()
                  + ": comes back different ("
                  + back.problemType()
                  + ", "
                  + back.kind()
                  + ", '"
                  + back.getMessage()
                  + "', "
                  + back.retryAfter()
                  + ")");
        }
      }
    }
    return violations;
  }

  private static String problemsClass(String apiPackage, String module) {
    return apiPackage
        + "."
        + Character.toUpperCase(module.charAt(0))
        + module.substring(1)
        + "Problems";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Function<String, DomainException>> registry(
      String apiPackage, String module) {
    try {
      return (Map<String, Function<String, DomainException>>)
          Class.forName(problemsClass(apiPackage, module)).getField("TYPES").get(null);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  private static DomainException sample(Class<?> type) {
    for (Constructor<?> constructor : type.getConstructors()) {
      Class<?>[] parameters = constructor.getParameterTypes();
      try {
        if (parameters.length == 1 && parameters[0] == String.class) {
          return (DomainException) constructor.newInstance("sample-7");
        }
        if (parameters.length == 1 && parameters[0] == long.class) {
          return (DomainException) constructor.newInstance(7L);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return null;
  }
}
