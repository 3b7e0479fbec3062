package dev.cleave.platform.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Input that fails syntactic checks done by hand (query parameters, headers): mapped to a 400
 * problem that lists every offending field, exactly like a Bean Validation failure.
 */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldViolation> violations;

  public InvalidRequestException(List<FieldViolation> violations) {
    super("invalid request: " + violations);
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  /** Collects violations while parsing several inputs, then throws once with all of them. */
  public static final class Collector {
    private final List<FieldViolation> violations = new ArrayList<>();

    public Collector add(String field, String message) {
      violations.add(new FieldViolation(field, message));
      return this;
    }

    public boolean isEmpty() {
      return violations.isEmpty();
    }

    public void throwIfAny() {
      if (!violations.isEmpty()) {
        throw new InvalidRequestException(violations);
      }
    }
  }
}
