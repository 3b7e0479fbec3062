package dev.cleave.payment.internal.processor;

import dev.cleave.kernel.Money;
import dev.cleave.payment.internal.processor.CardProcessor.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The simulated processor's own records (table {@code processor_ledger}). Each write is its own
 * transaction ({@code REQUIRES_NEW}): the processor's books do not roll back with Cleave's.
 * Captures, voids and refunds are conditional updates, so each happens at most once per
 * authorization however often it is asked for.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class ProcessorLedger {

  @PersistenceContext(unitName = "payment")
  EntityManager em;

  @Inject Clock clock;

  /** Records the answer to an authorization; an earlier answer for the same reference wins. */
  public Outcome record(String reference, Outcome outcome, Money amount) {
    List<?> inserted =
        em.createNativeQuery(
                """
                insert into {h-schema}processor_ledger (reference, outcome, amount, currency, answered_at)
                values (:reference, :outcome, :amount, :currency, :now)
                on conflict (reference) do nothing
                returning outcome\
                """)
            .setParameter("reference", reference)
            .setParameter("outcome", outcome.name())
            .setParameter("amount", amount.amount())
            .setParameter("currency", amount.currency())
            .setParameter("now", Timestamp.from(clock.instant()))
            .getResultList();
    return inserted.isEmpty() ? answer(reference).orElseThrow() : outcome;
  }

  @Transactional(TxType.REQUIRED)
  public Optional<Outcome> answer(String reference) {
    List<?> rows =
        em.createNativeQuery(
                "select outcome from {h-schema}processor_ledger where reference = :reference")
            .setParameter("reference", reference)
            .getResultList();
    return rows.stream().findFirst().map(value -> Outcome.valueOf((String) value));
  }

  public void capture(String reference) {
    move(reference, "captured_at", "outcome = 'APPROVED' and voided_at is null");
  }

  public void voidAuthorization(String reference) {
    move(reference, "voided_at", "outcome = 'APPROVED' and captured_at is null");
  }

  public void refund(String reference) {
    move(reference, "refunded_at", "captured_at is not null");
  }

  private void move(String reference, String column, String precondition) {
    int changed =
        em.createNativeQuery(
                "update {h-schema}processor_ledger set "
                    + column
                    + " = :now"
                    + " where reference = :reference and "
                    + column
                    + " is null and "
                    + precondition)
            .setParameter("now", Timestamp.from(clock.instant()))
            .setParameter("reference", reference)
            .executeUpdate();
    if (changed == 0) {
      Number done =
          (Number)
              em.createNativeQuery(
                      "select count(*) from {h-schema}processor_ledger"
                          + " where reference = :reference and "
                          + column
                          + " is not null")
                  .setParameter("reference", reference)
                  .getSingleResult();
      if (done.intValue() == 0) {
        // The processor's records do not allow this movement: a bug on Cleave's side if it happens.
        throw new IllegalStateException(
            "The processor refused to set " + column + " on " + reference);
      }
    }
  }
}
