package dev.cleave.user.internal.domain;

import dev.cleave.kernel.Page;
import java.util.Optional;
import java.util.UUID;

/** Users, as the application layer needs them. */
public interface UserRepository {

  Optional<User> find(UUID id);

  Optional<User> findByEmail(String normalizedEmail);

  /**
   * Adds a new user now.
   *
   * @return false, adding nothing, when another user has the e-mail address (also one registered
   *     concurrently: the unique constraint decides)
   */
  boolean add(User user);

  /** Users whose e-mail address or name contains {@code text} (any case), newest first. */
  Page<User> list(String text, int page, int size);
}
