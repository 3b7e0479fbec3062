package dev.cleave.user.internal.domain;

import java.time.Duration;

/**
 * How long failed logins lock a key (an account or a client address) out: the {@code
 * freeFailures}-th failure in a row locks the key for {@code firstLock}, and each further one
 * doubles the lock, up to {@code maxLock}. A failure is forgotten {@code window} after the last
 * one.
 *
 * @param freeFailures failures in a row that lock the key for the first time
 * @param firstLock the lock after the first failure beyond the free ones
 * @param maxLock the longest lock
 * @param window how long a failure is remembered after the last one
 */
public record LockoutSchedule(
    int freeFailures, Duration firstLock, Duration maxLock, Duration window) {

  public LockoutSchedule {
    if (freeFailures < 1
        || firstLock.isNegative()
        || firstLock.isZero()
        || maxLock.compareTo(firstLock) < 0) {
      throw new IllegalArgumentException("invalid lockout schedule");
    }
  }

  /** The lock after {@code failures} failures in a row; zero below {@code freeFailures}. */
  public Duration lockAfter(int failures) {
    if (failures < freeFailures) {
      return Duration.ZERO;
    }
    int doublings = failures - freeFailures;
    if (doublings >= 30) {
      return maxLock;
    }
    Duration lock = firstLock.multipliedBy(1L << doublings);
    return lock.compareTo(maxLock) > 0 ? maxLock : lock;
  }
}
