package dev.cleave.user.internal.application;

import dev.cleave.platform.security.Sha256;
import dev.cleave.user.api.TokenGrant;
import dev.cleave.user.internal.domain.RefreshToken;
import dev.cleave.user.internal.domain.RefreshTokenRepository;
import dev.cleave.user.internal.domain.User;
import dev.cleave.user.internal.domain.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Sessions: a login starts a family of refresh tokens; each refresh uses up the presented token and
 * hands out its successor with a fresh access token (roles re-read, so a granted or revoked role
 * takes effect at the next refresh); presenting a used token again revokes the whole family
 * (refresh-token rotation with reuse detection, OAuth 2.0 Security BCP section 4.14). Only SHA-256
 * hashes of refresh tokens are stored.
 */
@ApplicationScoped
@Transactional
public class SessionService {

  /** The longest refresh token text looked up (ours are 43 characters; the API allows 200). */
  static final int MAX_TOKEN = 200;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject RefreshTokenRepository tokens;

  @Inject UserRepository users;

  @Inject TokenIssuer issuer;

  @Inject UserConfig config;

  @Inject UserMetrics metrics;

  @Inject Clock clock;

  /** Starts a session (a new token family) for a user who just proved who they are. */
  public TokenGrant start(User user) {
    return grant(user, UUID.randomUUID(), clock.instant());
  }

  /**
   * Exchanges a refresh token for a new grant. The token row is locked first, so two concurrent
   * refreshes with one token serialize: one wins, the other is a reuse. The revocation of a reused
   * token's family must survive the refusal, hence no rollback on that exception.
   */
  @Transactional(dontRollbackOn = InvalidRefreshTokenException.class)
  public TokenGrant refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > MAX_TOKEN) {
      // No token at all (a browser session without its cookie) or none of ours: no lookup.
      throw refused("missing");
    }
    Instant now = clock.instant();
    RefreshToken token = tokens.lock(hash(refreshToken)).orElseThrow(() -> refused("invalid"));
    RefreshToken.Refusal refusal = token.refusal(now);
    if (refusal == RefreshToken.Refusal.USED) {
      tokens.revokeFamily(token.familyId(), now);
      throw refused("reuse");
    }
    if (refusal != null) {
      throw refused("invalid");
    }
    User user = users.find(token.userId()).orElseThrow(() -> refused("invalid"));
    token.use(now);
    metrics.refresh("success");
    return grant(user, token.familyId(), now);
  }

  /** Ends the session the refresh token belongs to; unknown or finished sessions need no ending. */
  public void end(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > MAX_TOKEN) {
      return;
    }
    tokens
        .lock(hash(refreshToken))
        .ifPresent(token -> tokens.revokeFamily(token.familyId(), clock.instant()));
  }

  private TokenGrant grant(User user, UUID family, Instant now) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    tokens.add(
        new RefreshToken(
            hash(refreshToken), family, user.id(), now, now.plus(config.refreshTokenTtl())));
    return new TokenGrant(
        issuer.accessToken(user, now),
        "Bearer",
        config.accessTokenTtl().toSeconds(),
        refreshToken,
        config.refreshTokenTtl().toSeconds());
  }

  private InvalidRefreshTokenException refused(String result) {
    metrics.refresh(result);
    return new InvalidRefreshTokenException();
  }

  /** SHA-256, hex: a fast hash is right for a 256-bit random secret (no guessing to slow down). */
  static String hash(String refreshToken) {
    return Sha256.hex(refreshToken);
  }
}
