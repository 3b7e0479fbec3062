package dev.cleave.platform.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field a constraint violation is reported under ({@code price}, {@code lines[0].quantity},
 * {@code body} for the whole argument), and back: a 400 problem's {@code errors} become constraint
 * violations again, so a module called over HTTP refuses bad arguments with the same {@link
 * jakarta.validation.ConstraintViolationException}, with the same field paths and messages, as it
 * does in-process (ADR 7).
 */
public final class FieldPaths {

  /** The name a violation of the whole argument (no property below it) is reported under. */
  public static final String WHOLE_ARGUMENT = "body";

  private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[[^\\]]*\\])*)");
  private static final Pattern INDEX = Pattern.compile("\\[([^\\]]*)\\]");

  private FieldPaths() {}

  /** The property path below the method parameter: {@code price}, {@code lines[0].quantity}. */
  public static String of(ConstraintViolation<?> violation) {
    StringBuilder name = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD
          || node.getKind() == ElementKind.PARAMETER
          || node.getKind() == ElementKind.CROSS_PARAMETER
          || node.getKind() == ElementKind.RETURN_VALUE) {
        continue;
      }
      // A node "in an iterable" is an element of the container named by the node before it:
      // addresses[0].city is the nodes "addresses" and "city" (in iterable, index 0).
      if (node.isInIterable() && !name.isEmpty()) {
        name.append('[')
            .append(node.getIndex() != null ? node.getIndex() : node.getKey())
            .append(']');
      }
      if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
        continue;
      }
      if (!name.isEmpty()) {
        name.append('.');
      }
      name.append(node.getName());
    }
    return name.isEmpty() ? WHOLE_ARGUMENT : name.toString();
  }

  /**
   * A violation read from another module's answer: its message and its field, nothing else (the
   * invalid value, the bean and the constraint stay with the module that checked them).
   *
   * @throws IllegalArgumentException if {@code field} is no field path
   */
  public static ConstraintViolation<Object> violation(String field, String message) {
    return new Remote(parse(field), message);
  }

  /** The violations of {@code (field, message)} pairs, in their order. */
  public static Set<ConstraintViolation<?>> violations(List<Map.Entry<String, String>> fields) {
    Set<ConstraintViolation<?>> violations = new LinkedHashSet<>();
    for (Map.Entry<String, String> field : fields) {
      violations.add(violation(field.getKey(), field.getValue()));
    }
    return Collections.unmodifiableSet(violations);
  }

  /** The nodes {@link #of} renders back as {@code field}. */
  static FieldPath parse(String field) {
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("no field path");
    }
    List<Step> nodes = new ArrayList<>();
    if (field.equals(WHOLE_ARGUMENT)) {
      return new FieldPath(field, nodes);
    }
    String pending = null;
    for (String segment : field.split("\\.", -1)) {
      Matcher matcher = SEGMENT.matcher(segment);
      if (!matcher.matches()) {
        throw new IllegalArgumentException("not a field path: " + field);
      }
      nodes.add(new Step(matcher.group(1), ElementKind.PROPERTY, pending));
      pending = null;
      Matcher index = INDEX.matcher(matcher.group(2));
      while (index.find()) {
        if (pending != null) {
          nodes.add(new Step(null, ElementKind.CONTAINER_ELEMENT, pending));
        }
        pending = index.group(1);
      }
    }
    if (pending != null) {
      nodes.add(new Step(null, ElementKind.CONTAINER_ELEMENT, pending));
    }
    return new FieldPath(field, nodes);
  }

  /** A path as {@link #of} reads it; it prints as the field. */
  record FieldPath(String field, List<Step> nodes) implements Path {
    FieldPath {
      nodes = List.copyOf(nodes);
    }

    @Override
    public Iterator<Path.Node> iterator() {
      return Collections.<Path.Node>unmodifiableList(nodes).iterator();
    }

    @Override
    public String toString() {
      return field;
    }
  }

  /** One node: a property, or an element of the container before it ({@code in} = its index). */
  record Step(String name, ElementKind kind, String in) implements Path.Node {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean isInIterable() {
      return in != null;
    }

    @Override
    public Integer getIndex() {
      return in != null && in.chars().allMatch(Character::isDigit) && !in.isEmpty()
          ? Integer.valueOf(in)
          : null;
    }

    @Override
    public Object getKey() {
      return getIndex() == null ? in : null;
    }

    @Override
    public ElementKind getKind() {
      return kind;
    }

    @Override
    public <T extends Path.Node> T as(Class<T> nodeType) {
      if (nodeType.isInstance(this)) {
        return nodeType.cast(this);
      }
      throw new ClassCastException("a field path's node is no " + nodeType.getSimpleName());
    }
  }

  /** A violation another module reported. */
  private record Remote(FieldPath path, String message) implements ConstraintViolation<Object> {
    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public String getMessageTemplate() {
      return message;
    }

    @Override
    public Object getRootBean() {
      return null;
    }

    @Override
    public Class<Object> getRootBeanClass() {
      return Object.class;
    }

    @Override
    public Object getLeafBean() {
      return null;
    }

    @Override
    public Object[] getExecutableParameters() {
      return new Object[0];
    }

    @Override
    public Object getExecutableReturnValue() {
      return null;
    }

    @Override
    public Path getPropertyPath() {
      return path;
    }

    @Override
    public Object getInvalidValue() {
      return null;
    }

    @Override
    public ConstraintDescriptor<?> getConstraintDescriptor() {
      return null;
    }

    @Override
    public <U> U unwrap(Class<U> type) {
      if (type.isInstance(this)) {
        return type.cast(this);
      }
      throw new ValidationException("a remote violation cannot be unwrapped to " + type.getName());
    }

    @Override
    public String toString() {
      return path + ": " + message;
    }
  }
}
