package dev.cleave.user.internal.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens by the hash of their value. */
public interface RefreshTokenRepository {

  void add(RefreshToken token);

  /** The token with this hash, locked until the transaction ends, so two refreshes serialize. */
  Optional<RefreshToken> lock(String tokenHash);

  /** Revokes every token of the family that is not yet revoked. */
  void revokeFamily(UUID familyId, Instant now);

  /** Revokes every token of the user that is not yet revoked (all sessions end). */
  void revokeAllOf(UUID userId, Instant now);

  /** Deletes tokens that expired, or were revoked, before {@code before}; returns how many. */
  int purge(Instant before);
}
