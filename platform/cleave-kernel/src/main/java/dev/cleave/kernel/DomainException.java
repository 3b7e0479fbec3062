package dev.cleave.kernel;

import java.time.Duration;
import java.util.Optional;

/**
 * A business rule said no. Each module API declares its own subclasses; the runtime answers with
 * the {@link Kind}'s HTTP status and an RFC 9457 problem of type {@link #problemType()}, and the
 * remote clients map such problems back to the same exception, so callers see one behaviour whether
 * a module is in-process or remote.
 */
public abstract class DomainException extends RuntimeException {

  /** What kind of refusal this is; carries the HTTP status it is answered with. */
  public enum Kind {
    /** The addressed thing does not exist (or the caller may not know that it does). */
    NOT_FOUND(404),
    /** The request conflicts with the current state. */
    CONFLICT(409),
    /** The request is well-formed but breaks a business rule. */
    UNPROCESSABLE(422),
    /** The caller may not do this to this object. */
    FORBIDDEN(403),
    /** The caller did not prove who they are (bad credentials, unusable refresh token). */
    UNAUTHENTICATED(401),
    /** The caller must wait before trying again; see {@link #retryAfter()}. */
    THROTTLED(429),
    /** Something this answer depends on (another module) cannot be reached now; try again later. */
    UNAVAILABLE(503);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    /** The HTTP status of this kind of refusal, in every shape. */
    public int status() {
      return status;
    }
  }

  private final Kind kind;
  private final Duration retryAfter;
  private final String problemType;
  private final String title;

  /**
   * @param kind what kind of refusal, deciding the HTTP status
   * @param problemType a short, stable, kebab-case slug naming the problem, e.g. {@code
   *     product-not-found}
   * @param title a human-readable summary of the problem type, the same for every occurrence
   * @param message the detail of this occurrence
   */
  protected DomainException(Kind kind, String problemType, String title, String message) {
    this(kind, problemType, title, message, null);
  }

  /**
   * As {@link #DomainException(Kind, String, String, String)}, for a refusal that ends after a
   * while.
   *
   * @param retryAfter how long the caller should wait before trying again ({@code Retry-After})
   */
  protected DomainException(
      Kind kind, String problemType, String title, String message, Duration retryAfter) {
    super(message);
    this.kind = kind;
    this.problemType = problemType;
    this.title = title;
    this.retryAfter = retryAfter;
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

  /** How long the caller should wait before trying again, when the refusal is temporary. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
