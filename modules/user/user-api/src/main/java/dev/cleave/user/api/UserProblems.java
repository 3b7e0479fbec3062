package dev.cleave.user.api;

import dev.cleave.kernel.DomainException;
import java.util.Map;
import java.util.function.Function;

/**
 * The user module's problem types that its module API ({@link CustomerDirectory}) can answer, and
 * how a remote caller rebuilds each as the exception the in-process binding throws. Every {@link
 * DomainException} of this package is listed; an architecture test holds that.
 */
public final class UserProblems {

  public static final Map<String, Function<String, DomainException>> TYPES =
      Map.of("user-not-found", UserNotFoundException::fromProblem);

  private UserProblems() {}
}
