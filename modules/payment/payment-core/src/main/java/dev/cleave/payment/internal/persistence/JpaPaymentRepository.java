package dev.cleave.payment.internal.persistence;

import dev.cleave.payment.api.PaymentStatus;
import dev.cleave.payment.internal.domain.Payment;
import dev.cleave.payment.internal.domain.PaymentRepository;
import dev.cleave.platform.persistence.DatabaseConstraints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link PaymentRepository} on the {@code payment} persistence unit. */
@ApplicationScoped
public class JpaPaymentRepository implements PaymentRepository {

  @PersistenceContext(unitName = "payment")
  EntityManager em;

  @Override
  public Optional<Payment> find(String paymentKey) {
    return Optional.ofNullable(em.find(Payment.class, paymentKey));
  }

  @Override
  public Optional<Payment> lock(String paymentKey) {
    return Optional.ofNullable(em.find(Payment.class, paymentKey, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public boolean add(Payment payment) {
    return DatabaseConstraints.insert(em, payment, "payments_pkey");
  }

  @Override
  public List<String> processingSince(Instant before, int limit) {
    return em.createQuery(
            """
            select p.paymentKey from Payment p
            where p.status = :processing and p.updatedAt < :before
            order by p.updatedAt\
            """,
            String.class)
        .setParameter("processing", PaymentStatus.PROCESSING)
        .setParameter("before", before)
        .setMaxResults(limit)
        .getResultList();
  }
}
