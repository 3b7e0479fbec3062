package dev.cleave.payment.internal.application;

import dev.cleave.payment.internal.application.PaymentTransactions.Unanswered;
import dev.cleave.payment.internal.processor.CardProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Settles payments left {@code PROCESSING} longer than {@code cleave.payment.processing-timeout}
 * (the server stopped between sending a payment and recording the answer): from the processor's
 * records when it answered; when it never did, by sending the same authorization again (same
 * reference, same payment method: the processor answers a repeated reference with its first answer,
 * so nothing is held twice). A payment made before payment methods existed has no card to send and
 * fails ({@code PROCESSOR_UNREACHABLE}). The checkout saga's recovery then finds every payment with
 * an outcome.
 */
@ApplicationScoped
public class PaymentReconciler {

  private static final Logger LOG = Logger.getLogger(PaymentReconciler.class.getName());
  private static final int BATCH = 100;

  @Inject PaymentTransactions transactions;

  @Inject CardProcessor processor;

  @Inject PaymentConfig config;

  @Inject Clock clock;

  /**
   * One periodic run, scheduled by {@link PaymentModule}; a run that throws is logged and the next
   * one tries again.
   */
  public void run() {
    int settled = settleStale(clock.instant().minus(config.processingTimeout()));
    if (settled > 0) {
      LOG.info(() -> "Settled " + settled + " payments left processing");
    }
  }

  /**
   * Settles every payment still processing that last changed before {@code before}; returns how
   * many.
   */
  public int settleStale(Instant before) {
    int settled = 0;
    List<String> batch;
    do {
      batch = transactions.processingSince(before, BATCH);
      for (String key : batch) {
        switch (transactions.settleStale(key, before)) {
          case SETTLED -> settled++;
          case UNANSWERED -> {
            if (resend(key)) {
              settled++;
            }
          }
          case NOT_STALE -> {
            // moved on meanwhile
          }
        }
      }
    } while (batch.size() == BATCH);
    return settled;
  }

  private boolean resend(String key) {
    Optional<Unanswered> unanswered = transactions.unanswered(key);
    unanswered.ifPresent(
        payment ->
            transactions.answered(
                key, processor.authorize(key, payment.paymentMethod(), payment.amount())));
    return unanswered.isPresent();
  }
}
