package dev.cleave.platform.remote;

/**
 * A remote module did not answer usefully: a 5xx, a timeout, a refused connection, or an answer
 * that is no problem document. Deliberately not a {@code DomainException}: it is a failure, so it
 * counts towards circuit breakers and ends in the caller's "outcome unknown" fallback.
 */
public class ModuleUnavailableException extends RuntimeException {

  public ModuleUnavailableException(String message) {
    super(message);
  }

  public ModuleUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
