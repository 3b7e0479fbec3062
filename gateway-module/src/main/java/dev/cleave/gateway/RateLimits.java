package dev.cleave.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Rate limiting at the edge: one token bucket ({@link TokenBucket}) per policy and caller. The
 * caller is the token's subject when the request carries a valid token, otherwise the client's
 * address (as {@link ForwardedHeaders#clientAddress} works it out), so that a customer is limited
 * wherever they come from and an anonymous client per address.
 *
 * <p>Policies come from configuration: {@code cleave.gateway.rate-limit.default} (every request no
 * rule names; {@code off} for none) and {@code cleave.gateway.rate-limits}, comma-separated rules
 * {@code NAME [METHOD] /path[/**] QUOTA/WINDOW}, the first matching rule winning, for example
 * {@code login POST /api/v1/auth/login 30/PT1M}. The answers carry the IETF {@code
 * RateLimit-Policy} and {@code RateLimit} headers ({@code "login";q=30;w=60} and {@code
 * "login";r=29;t=2}).
 */
final class RateLimits {

  /** A named quota per window. */
  record Policy(String name, int quota, Duration window) {
    String policyHeader() {
      return "\"" + name + "\";q=" + quota + ";w=" + window.toSeconds();
    }
  }

  private record Rule(Policy policy, RequestPattern pattern) {
    boolean matches(String requestMethod, String requestPath) {
      return pattern.matches(requestMethod, requestPath);
    }
  }

  /**
   * The decision for one request: the policy that applied (none: unlimited) and the take from its
   * bucket.
   */
  record Decision(Policy policy, TokenBucket.Take take) {
    boolean allowed() {
      return policy == null || take.allowed();
    }

    String rateLimitHeader() {
      return "\"" + policy.name() + "\";r=" + take.remaining() + ";t=" + take.secondsUntilFull();
    }
  }

  /**
   * Past this many callers, buckets that have refilled completely are dropped, at most once a
   * second.
   */
  static final int SWEEP_ABOVE = 50_000;

  private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;

  private final List<Rule> rules;
  private final Policy fallback;
  private final LongSupplier nanoClock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE);

  private RateLimits(List<Rule> rules, Policy fallback, LongSupplier nanoClock) {
    this.rules = List.copyOf(rules);
    this.fallback = fallback;
    this.nanoClock = nanoClock;
  }

  /**
   * @param defaultPolicy {@code QUOTA/WINDOW} or {@code off}
   * @param ruleSpec the rules, as described in the class comment
   */
  static RateLimits parse(String defaultPolicy, String ruleSpec, LongSupplier nanoClock) {
    Policy fallback =
        defaultPolicy == null || defaultPolicy.isBlank() || defaultPolicy.strip().equals("off")
            ? null
            : policy("default", defaultPolicy.strip());
    List<Rule> rules = new ArrayList<>();
    for (String raw : ruleSpec == null ? new String[0] : ruleSpec.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      String[] parts = entry.split("\\s+");
      if (parts.length == 3) {
        parts = new String[] {parts[0], "*", parts[1], parts[2]};
      }
      RequestPattern pattern;
      try {
        if (parts.length != 4 || !parts[0].matches("[A-Za-z0-9_-]+")) {
          throw new IllegalArgumentException("not NAME [METHOD] /path QUOTA/WINDOW");
        }
        pattern = RequestPattern.of(parts[1], parts[2]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "cleave.gateway.rate-limits: '" + entry + "' is not 'NAME [METHOD] /path QUOTA/WINDOW'",
            e);
      }
      rules.add(new Rule(policy(parts[0], parts[3]), pattern));
    }
    return new RateLimits(rules, fallback, nanoClock);
  }

  private static Policy policy(String name, String spec) {
    String[] quotaAndWindow = spec.split("/", 2);
    try {
      Policy policy =
          new Policy(name, Integer.parseInt(quotaAndWindow[0]), Duration.parse(quotaAndWindow[1]));
      if (policy.quota() < 1 || policy.window().toSeconds() < 1) {
        throw new IllegalArgumentException("quota and window must be at least 1 and 1 s");
      }
      return policy;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "rate limit '" + name + "': '" + spec + "' is not QUOTA/WINDOW (30/PT1M)", e);
    }
  }

  /** The policy for a request, or null when it is not limited. */
  Policy policyFor(String method, String path) {
    for (Rule rule : rules) {
      if (rule.matches(method, path)) {
        return rule.policy();
      }
    }
    return fallback;
  }

  /**
   * Takes a token for this request from the caller's bucket of the policy that applies.
   *
   * @param caller {@code sub:<subject>} or {@code addr:<address>}
   */
  Decision take(String method, String path, String caller) {
    Policy policy = policyFor(method, path);
    if (policy == null) {
      return new Decision(null, null);
    }
    long now = nanoClock.getAsLong();
    TokenBucket bucket =
        buckets.computeIfAbsent(
            policy.name() + "|" + caller,
            key -> new TokenBucket(policy.quota(), policy.window(), now));
    Decision decision = new Decision(policy, bucket.take(now));
    long last = lastSweep.get();
    if (buckets.size() > SWEEP_ABOVE
        && (last == Long.MIN_VALUE || now - last >= SWEEP_EVERY_NANOS)
        && lastSweep.compareAndSet(last, now)) {
      buckets.values().removeIf(idle -> idle.isFull(now));
    }
    return decision;
  }

  /** How many callers have a bucket now (for tests and metrics). */
  int callers() {
    return buckets.size();
  }
}
