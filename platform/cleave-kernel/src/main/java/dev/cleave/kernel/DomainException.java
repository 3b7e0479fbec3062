package dev.cleave.kernel;

/**
 * A business rule said no. Each module API declares its own subclasses; the runtime maps the
 * {@link Kind} to an HTTP status and the {@link #problemType()} to an RFC 9457 problem type, and the
 * remote clients map such problems back to the same exception, so callers see one behaviour whether
 * a module is in-process or remote.
 */
public abstract class DomainException extends RuntimeException {

  /** What kind of refusal this is; decides the HTTP status. */
  public enum Kind {
    /** The addressed thing does not exist (or the caller may not know that it does): 404. */
    NOT_FOUND,
    /** The request conflicts with the current state: 409. */
    CONFLICT,
    /** The request is well-formed but breaks a business rule: 422. */
    UNPROCESSABLE,
    /** The caller may not do this to this object: 403. */
    FORBIDDEN
  }

  private final Kind kind;
  private final String problemType;
  private final String title;

  /**
   * @param kind what kind of refusal, deciding the HTTP status
   * @param problemType a short, stable, kebab-case slug naming the problem, e.g. {@code product-not-found}
   * @param title a human-readable summary of the problem type, the same for every occurrence
   * @param message the detail of this occurrence
   */
  protected DomainException(Kind kind, String problemType, String title, String message) {
    super(message);
    this.kind = kind;
    this.problemType = problemType;
    this.title = title;
  }

  public Kind kind() {
    return kind;
  }

  public String problemType() {
    return problemType;
  }

  public String title() {
    return title;
  }
}
