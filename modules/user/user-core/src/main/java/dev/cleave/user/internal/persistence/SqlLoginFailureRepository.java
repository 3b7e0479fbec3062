package dev.cleave.user.internal.persistence;

import dev.cleave.user.internal.domain.LoginFailureRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;

/**
 * {@link LoginFailureRepository} in table {@code login_throttles}. Counting is one atomic upsert,
 * so concurrent failures on one key are all counted, on one server or several.
 */
@ApplicationScoped
public class SqlLoginFailureRepository implements LoginFailureRepository {

  @PersistenceContext(unitName = "user")
  EntityManager em;

  @Override
  public Optional<Instant> lockedUntil(Collection<String> keys, Instant now) {
    Object latest =
        em.createNativeQuery(
                "select max(blocked_until) from {h-schema}login_throttles where throttle_key in"
                    + " (:keys) and blocked_until > :now")
            .setParameter("keys", keys)
            .setParameter("now", Timestamp.from(now))
            .getSingleResult();
    return Optional.ofNullable(toInstant(latest));
  }

  @Override
  public int recordFailure(String key, Instant now, Instant forgetBefore) {
    Object failures =
        em.createNativeQuery(
                """
                insert into {h-schema}login_throttles as t (throttle_key, failures, last_failure_at, blocked_until)
                values (:key, 1, :now, null)
                on conflict (throttle_key) do update
                  set failures = case when t.last_failure_at < :forgetBefore then 1 else t.failures + 1 end,
                      last_failure_at = :now
                returning failures\
                """)
            .setParameter("key", key)
            .setParameter("now", Timestamp.from(now))
            .setParameter("forgetBefore", Timestamp.from(forgetBefore))
            .getSingleResult();
    return ((Number) failures).intValue();
  }

  @Override
  public void lock(String key, Instant until) {
    em.createNativeQuery(
            "update {h-schema}login_throttles set blocked_until = :until where throttle_key = :key")
        .setParameter("until", Timestamp.from(until))
        .setParameter("key", key)
        .executeUpdate();
  }

  @Override
  public void clear(String key) {
    em.createNativeQuery("delete from {h-schema}login_throttles where throttle_key = :key")
        .setParameter("key", key)
        .executeUpdate();
  }

  @Override
  public int purge(Instant forgetBefore, Instant now) {
    return em.createNativeQuery(
            """
            delete from {h-schema}login_throttles
            where last_failure_at < :forgetBefore and (blocked_until is null or blocked_until < :now)\
            """)
        .setParameter("forgetBefore", Timestamp.from(forgetBefore))
        .setParameter("now", Timestamp.from(now))
        .executeUpdate();
  }

  private static Instant toInstant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}
