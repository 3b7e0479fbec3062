package dev.cleave.product.internal.persistence;

import dev.cleave.platform.persistence.DatabaseConstraints;
import dev.cleave.product.internal.domain.Reservation;
import dev.cleave.product.internal.domain.ReservationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ReservationRepository} on the {@code product} persistence unit. */
@ApplicationScoped
public class JpaReservationRepository implements ReservationRepository {

  @PersistenceContext(unitName = "product")
  EntityManager em;

  @Override
  public Optional<Reservation> lock(String orderId) {
    // A query, not em.find(..., PESSIMISTIC_WRITE): find joins the eager lines, which PostgreSQL
    // cannot lock in an outer join, so Hibernate would lock in a second select (and warn every
    // time).
    return em.createQuery(
            "select r from Reservation r where r.orderId = :orderId", Reservation.class)
        .setParameter("orderId", orderId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /** Inserts now: the primary key decides between two first reservations for one order. */
  @Override
  public boolean add(Reservation reservation) {
    return DatabaseConstraints.insert(em, reservation, "reservations_pkey");
  }

  @Override
  public List<String> expired(Instant now, int limit) {
    return em.createQuery(
            """
            select r.orderId from Reservation r
            where r.status = dev.cleave.product.api.ReservationStatus.HELD and r.expiresAt < :now
            order by r.expiresAt\
            """,
            String.class)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }
}
