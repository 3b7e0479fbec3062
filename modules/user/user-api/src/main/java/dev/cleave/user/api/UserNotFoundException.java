package dev.cleave.user.api;

import dev.cleave.kernel.DomainException;

/** No user has this id. */
public class UserNotFoundException extends DomainException {

  public UserNotFoundException(String id) {
    super(Kind.NOT_FOUND, "user-not-found", "User not found", "User " + id + " does not exist.");
  }

  /** The exception a remote caller rebuilds from this problem's {@code detail}, kept verbatim. */
  public static UserNotFoundException fromProblem(String detail) {
    return new UserNotFoundException(detail, true);
  }

  @SuppressWarnings(
      "UnusedVariable") // the flag only sets this constructor apart from the public one
  private UserNotFoundException(String detail, boolean fromProblem) {
    super(Kind.NOT_FOUND, "user-not-found", "User not found", detail);
  }
}
