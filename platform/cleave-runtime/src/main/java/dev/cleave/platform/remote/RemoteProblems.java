package dev.cleave.platform.remote;

import dev.cleave.kernel.DomainException;
import dev.cleave.platform.validation.FieldPaths;
import dev.cleave.platform.web.ProblemDetail;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a remote module's error answer into what its in-process binding would have thrown: a
 * problem whose type the module lists (its {@code <Module>Problems.TYPES}) becomes that domain
 * exception with the problem's detail; a 400 {@code validation} problem becomes the {@link
 * ConstraintViolationException} the contract's constraints throw in-process, with the same field
 * paths and messages ({@link FieldPaths}); any other 400 is an {@link IllegalArgumentException};
 * any other 4xx is a contract bug ({@link IllegalStateException}); a 5xx or an answer that is no
 * problem document is {@link ModuleUnavailableException}.
 */
public final class RemoteProblems {

  private static final JsonProvider JSON = JsonProvider.provider();

  private final String module;
  private final Map<String, Function<String, DomainException>> types;

  /**
   * @param module the remote module's name, for messages
   * @param types the module's problem types and their exceptions
   */
  public RemoteProblems(String module, Map<String, Function<String, DomainException>> types) {
    this.module = module;
    this.types = Map.copyOf(types);
  }

  /** The exception for an error answer ({@code status >= 400}) with this body. */
  public RuntimeException toException(int status, String body) {
    JsonObject problem = parse(body);
    String detail = problem == null ? null : problem.getString("detail", null);
    if (status >= 500 || problem == null) {
      return new ModuleUnavailableException(
          "Module " + module + " answered " + status + (detail == null ? "" : ": " + detail));
    }
    String type = problem.getString("type", "");
    String slug =
        type.startsWith(ProblemDetail.TYPE_BASE)
            ? type.substring(ProblemDetail.TYPE_BASE.length())
            : type;
    Function<String, DomainException> known = types.get(slug);
    if (known != null) {
      return known.apply(detail == null ? "" : detail);
    }
    if (status == 400 && slug.equals("validation")) {
      ConstraintViolationException violations = violations(problem);
      if (violations != null) {
        return violations;
      }
    }
    if (status == 400) {
      return new IllegalArgumentException(
          "Module " + module + " refused the call's arguments: " + detail);
    }
    return new IllegalStateException(
        "Module "
            + module
            + " answered "
            + status
            + " with problem type '"
            + slug
            + "', which its API does not list: "
            + detail);
  }

  /** The violations a 400 problem lists in {@code errors}; null if it lists none it can read. */
  private ConstraintViolationException violations(JsonObject problem) {
    if (!(problem.get("errors") instanceof JsonArray errors) || errors.isEmpty()) {
      return null;
    }
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (JsonValue error : errors) {
      if (!(error instanceof JsonObject field)
          || !(field.get("field") instanceof JsonString name)
          || !(field.get("message") instanceof JsonString message)) {
        return null;
      }
      fields.add(Map.entry(name.getString(), message.getString()));
    }
    try {
      Set<ConstraintViolation<?>> set = FieldPaths.violations(fields);
      return new ConstraintViolationException(
          "Module "
              + module
              + " refused the call's arguments: "
              + set.stream().map(Object::toString).collect(Collectors.joining(", ")),
          set);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static JsonObject parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }
}
