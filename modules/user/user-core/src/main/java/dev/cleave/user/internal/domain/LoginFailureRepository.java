package dev.cleave.user.internal.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** Failed-login counters per throttle key (an account or a client address). */
public interface LoginFailureRepository {

  /** The latest time until which any of the keys is locked, if one is locked after {@code now}. */
  Optional<Instant> lockedUntil(Collection<String> keys, Instant now);

  /**
   * Counts one more failure for the key (starting again from one when the last failure is older
   * than {@code forgetBefore}) and returns the number of failures in a row. The key's row stays
   * locked until the transaction ends.
   */
  int recordFailure(String key, Instant now, Instant forgetBefore);

  /** Locks the key until {@code until}. */
  void lock(String key, Instant until);

  /** Forgets the key's failures (after a successful login). */
  void clear(String key);

  /**
   * Deletes counters whose last failure was before {@code forgetBefore} and that lock nothing after
   * {@code now}.
   */
  int purge(Instant forgetBefore, Instant now);
}
