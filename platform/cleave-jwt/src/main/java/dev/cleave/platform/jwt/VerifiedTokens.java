package dev.cleave.platform.jwt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens one {@link TokenVerifier} has already verified, so that a token presented again (a
 * customer's every request, a service's every call until it renews its token) costs a SHA-256 of
 * its text instead of an RSA signature check and two JSON parses. Only what passed every rule is
 * kept, keyed by the SHA-256 of the whole compact token, so a hit is the byte-identical token whose
 * header, claims and signature were checked; the rules that depend on the time (expiry, {@code
 * nbf}, {@code iat}) are applied again on every hit. The verifier's keys never change (a new key
 * set makes a new verifier, and a new, empty, memory), so a hit is never signed by a key no longer
 * trusted. Refused tokens are not kept: a flood of bad ones costs what it always did and displaces
 * nothing.
 *
 * <p>Bounded: when full, the expired entries go, and if that frees nothing everything goes (the
 * next requests verify again). The token itself is never stored, only its digest.
 */
final class VerifiedTokens {

  /** What a verification found, and from when the token counts ({@code nbf}/{@code iat}). */
  record Entry(TokenVerifier.Verified verified, Instant notBefore) {}

  private final int capacity;
  private final Duration clockSkew;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  VerifiedTokens(int capacity, Duration clockSkew) {
    if (capacity < 0) {
      throw new IllegalArgumentException("a negative capacity");
    }
    this.capacity = capacity;
    this.clockSkew = clockSkew;
  }

  /** The digest a token is remembered by; {@code null} when nothing is remembered. */
  String key(String compact) {
    if (capacity == 0) {
      return null;
    }
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(compact.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The earlier verification of this token, if it still holds at {@code now}. */
  TokenVerifier.Verified find(String key, Instant now) {
    if (key == null) {
      return null;
    }
    Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (!holds(entry, now)) {
      entries.remove(key, entry);
      return null;
    }
    return entry.verified();
  }

  void remember(String key, TokenVerifier.Verified verified, Instant notBefore, Instant now) {
    if (key == null) {
      return;
    }
    if (entries.size() >= capacity) {
      entries.values().removeIf(entry -> !holds(entry, now));
      if (entries.size() >= capacity) {
        entries.clear();
      }
    }
    entries.put(key, new Entry(verified, notBefore));
  }

  int size() {
    return entries.size();
  }

  private boolean holds(Entry entry, Instant now) {
    return !now.isAfter(entry.verified().expiresAt().plus(clockSkew))
        && (entry.notBefore() == null || !entry.notBefore().isAfter(now.plus(clockSkew)));
  }
}
