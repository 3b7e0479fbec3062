package dev.cleave.gateway;

import java.time.Duration;

/**
 * A token bucket: holds at most {@code quota} tokens, refills continuously at {@code quota} per
 * {@code window}, and each request takes one. A full bucket admits a burst of {@code quota}; a
 * steady client gets {@code quota} per {@code window}. Time is passed in (nanoseconds of a
 * monotonic clock), so tests are exact. Thread-safe.
 */
final class TokenBucket {

  /**
   * What a take says: allowed or not, tokens left, and seconds until one more and until full again.
   */
  record Take(boolean allowed, long remaining, long secondsUntilNext, long secondsUntilFull) {}

  private final double quota;
  private final double tokensPerNano;
  private double tokens;
  private long updatedAt;

  TokenBucket(int quota, Duration window, long now) {
    if (quota < 1 || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException(
          "a bucket needs a quota of at least 1 and a positive window");
    }
    this.quota = quota;
    this.tokensPerNano = quota / (double) window.toNanos();
    this.tokens = quota;
    this.updatedAt = now;
  }

  synchronized Take take(long now) {
    refill(now);
    boolean allowed = tokens >= 1;
    if (allowed) {
      tokens -= 1;
    }
    return new Take(
        allowed,
        (long) Math.floor(tokens),
        seconds(allowed || tokens >= 1 ? 0 : 1 - tokens),
        seconds(quota - tokens));
  }

  /** Whether the bucket has refilled completely: it then says nothing a new bucket would not. */
  synchronized boolean isFull(long now) {
    refill(now);
    return tokens >= quota;
  }

  private void refill(long now) {
    long elapsed = now - updatedAt;
    if (elapsed > 0) {
      tokens = Math.min(quota, tokens + elapsed * tokensPerNano);
      updatedAt = now;
    }
  }

  /** Whole seconds until {@code missing} tokens have been added, rounded up. */
  private long seconds(double missing) {
    if (missing <= 0) {
      return 0;
    }
    return (long) Math.ceil(missing / tokensPerNano / 1_000_000_000.0);
  }
}
