package dev.cleave.user.internal.persistence;

import dev.cleave.user.internal.domain.RefreshToken;
import dev.cleave.user.internal.domain.RefreshTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** {@link RefreshTokenRepository} on the {@code user} persistence unit. */
@ApplicationScoped
public class JpaRefreshTokenRepository implements RefreshTokenRepository {

  @PersistenceContext(unitName = "user")
  EntityManager em;

  @Override
  public void add(RefreshToken token) {
    em.persist(token);
  }

  @Override
  public Optional<RefreshToken> lock(String tokenHash) {
    return Optional.ofNullable(
        em.find(RefreshToken.class, tokenHash, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public void revokeFamily(UUID familyId, Instant now) {
    em.createQuery(
            "update RefreshToken t set t.revokedAt = :now where t.familyId = :family and"
                + " t.revokedAt is null")
        .setParameter("now", now)
        .setParameter("family", familyId)
        .executeUpdate();
  }

  @Override
  public int purge(Instant before) {
    return em.createQuery(
            "delete from RefreshToken t where t.expiresAt < :before or t.revokedAt < :before")
        .setParameter("before", before)
        .executeUpdate();
  }

  @Override
  public void revokeAllOf(UUID userId, Instant now) {
    em.createQuery(
            "update RefreshToken t set t.revokedAt = :now where t.userId = :user and t.revokedAt is"
                + " null")
        .setParameter("now", now)
        .setParameter("user", userId)
        .executeUpdate();
  }
}
