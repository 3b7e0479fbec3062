package dev.cleave.platform.web;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is a URI under {@link #TYPE_BASE} whose last segment
 * is a stable slug (see {@code docs/problems.md}); {@code requestId} lets a client quote the
 * request that failed; {@code errors} lists invalid fields of a 400.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errors"})
public record ProblemDetail(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String requestId,
    List<FieldViolation> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://cleave.dev/problems/";

  public static ProblemDetail of(int status, String slug, String title, String detail) {
    return new ProblemDetail(TYPE_BASE + slug, title, status, detail, null, null, null);
  }

  public ProblemDetail withErrors(List<FieldViolation> violations) {
    return new ProblemDetail(
        type,
        title,
        status,
        detail,
        instance,
        requestId,
        violations == null || violations.isEmpty() ? null : List.copyOf(violations));
  }

  public ProblemDetail at(String instancePath, String id) {
    return new ProblemDetail(type, title, status, detail, instancePath, id, errors);
  }
}
