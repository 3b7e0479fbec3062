package dev.cleave.user.api;

import dev.cleave.kernel.DomainException;

/** No user has this id. */
public class UserNotFoundException extends DomainException {

  public UserNotFoundException(String id) {
    super(Kind.NOT_FOUND, "user-not-found", "User not found", "User " + id + " does not exist.");
  }
}
