package dev.cleave.user.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One refresh token, known only by the SHA-256 hash of its value. Tokens of one login form a
 * family: each refresh uses up the presented token and adds its successor to the family.
 *
 * <p>Invariants: a token is used at most once; a token that is used, revoked or expired never
 * yields a new grant; presenting a used token again means it was stolen (or replayed) and revokes
 * the family.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

  /** Why a presented token yields no new grant. */
  public enum Refusal {
    USED,
    REVOKED,
    EXPIRED
  }

  @Id
  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @Column(name = "family_id", nullable = false, updatable = false)
  private UUID familyId;

  @Column(name = "user_id", nullable = false, updatable = false)
  private UUID userId;

  @Column(name = "issued_at", nullable = false, updatable = false, columnDefinition = "timestamptz")
  private Instant issuedAt;

  @Column(
      name = "expires_at",
      nullable = false,
      updatable = false,
      columnDefinition = "timestamptz")
  private Instant expiresAt;

  @Column(name = "used_at", columnDefinition = "timestamptz")
  private Instant usedAt;

  @Column(name = "revoked_at", columnDefinition = "timestamptz")
  private Instant revokedAt;

  protected RefreshToken() {}

  public RefreshToken(
      String tokenHash, UUID familyId, UUID userId, Instant issuedAt, Instant expiresAt) {
    this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
    this.familyId = Objects.requireNonNull(familyId, "familyId");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  /** Why this token cannot be exchanged now, or {@code null} when it can. */
  public Refusal refusal(Instant now) {
    if (usedAt != null) {
      return Refusal.USED;
    }
    if (revokedAt != null) {
      return Refusal.REVOKED;
    }
    if (!now.isBefore(expiresAt)) {
      return Refusal.EXPIRED;
    }
    return null;
  }

  /** Uses the token up; its successor takes over the family. */
  public void use(Instant now) {
    if (refusal(now) != null) {
      throw new IllegalStateException("token cannot be used: " + refusal(now));
    }
    usedAt = now;
  }

  public UUID familyId() {
    return familyId;
  }

  public UUID userId() {
    return userId;
  }
}
