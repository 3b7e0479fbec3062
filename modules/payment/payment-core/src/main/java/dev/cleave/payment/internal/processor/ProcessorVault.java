package dev.cleave.payment.internal.processor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The simulated processor's card vault (table {@code processor_vault}): token → how the test card
 * behaves. A real processor keeps the card itself on its side; the simulation needs only the
 * behaviour, so no card number is stored anywhere. Writes are their own transaction, like the
 * processor's ledger: the processor's records do not roll back with Cleave's.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class ProcessorVault {

  /** The behaviour of the slow test card: approved after a delay. */
  public static final String SLOW = "SLOW";

  @PersistenceContext(unitName = "payment")
  EntityManager em;

  @Inject Clock clock;

  public void keep(String token, String behaviour) {
    em.createNativeQuery(
            "insert into {h-schema}processor_vault (token, behaviour, created_at)"
                + " values (:token, :behaviour, :now)")
        .setParameter("token", token)
        .setParameter("behaviour", behaviour)
        .setParameter("now", Timestamp.from(clock.instant()))
        .executeUpdate();
  }

  @Transactional(TxType.REQUIRED)
  public Optional<String> behaviour(String token) {
    Stream<?> rows =
        em.createNativeQuery("select behaviour from {h-schema}processor_vault where token = :token")
            .setParameter("token", token)
            .getResultStream();
    return rows.findFirst().map(String.class::cast);
  }
}
