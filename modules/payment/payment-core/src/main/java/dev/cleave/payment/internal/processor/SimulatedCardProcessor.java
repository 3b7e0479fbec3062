package dev.cleave.payment.internal.processor;

import dev.cleave.kernel.Money;
import dev.cleave.payment.api.CardDetails;
import dev.cleave.payment.internal.application.PaymentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

/**
 * A card processor for development, tests and workshops. The card number decides the answer:
 *
 * <table>
 *   <caption>Test cards</caption>
 *   <tr><th>Number</th><th>Answer</th></tr>
 *   <tr><td>4242 4242 4242 4242, 5555 5555 5555 4444, 3782 822463 10005</td><td>approved</td></tr>
 *   <tr><td>4000 0000 0000 0002</td><td>declined ({@code CARD_DECLINED})</td></tr>
 *   <tr><td>4000 0000 0000 9995</td><td>declined ({@code INSUFFICIENT_FUNDS})</td></tr>
 *   <tr><td>4000 0000 0000 0119</td><td>processor error ({@code PROCESSOR_ERROR})</td></tr>
 *   <tr><td>4000 0000 0000 5209</td><td>approved after {@code cleave.payment.slow-card-delay} (5 s)</td></tr>
 *   <tr><td>any other number passing the Luhn check</td><td>approved</td></tr>
 * </table>
 *
 * <p>A tokenized card goes to {@link ProcessorVault} (table {@code processor_vault}), which stands
 * for the processor's card vault; the simulation keeps only how the test card behaves, not its
 * number. Its answers go to {@link ProcessorLedger} (table {@code processor_ledger}), which stands
 * for the processor's own records: an answer lost in a crash can be looked up, a capture happens at
 * most once per authorization, and tests read it as "the card statement".
 */
@ApplicationScoped
public class SimulatedCardProcessor implements CardProcessor {

  /** The slow test card: approved, after a delay long enough to exceed a caller's timeout. */
  public static final String SLOW_CARD = "4000000000005209";

  private static final Map<String, Outcome> TEST_CARDS =
      Map.of(
          "4000000000000002", Outcome.CARD_DECLINED,
          "4000000000009995", Outcome.INSUFFICIENT_FUNDS,
          "4000000000000119", Outcome.PROCESSOR_ERROR);

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject ProcessorLedger ledger;

  @Inject ProcessorVault vault;

  @Inject PaymentConfig config;

  @Override
  public String tokenize(CardDetails card) {
    StringBuilder token = new StringBuilder("pm_");
    for (int i = 0; i < 24; i++) {
      token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    String behaviour =
        SLOW_CARD.equals(card.number())
            ? ProcessorVault.SLOW
            : TEST_CARDS.getOrDefault(card.number(), Outcome.APPROVED).name();
    vault.keep(token.toString(), behaviour);
    return token.toString();
  }

  @Override
  public Outcome authorize(String reference, String token, Money amount) {
    String behaviour =
        vault
            .behaviour(token)
            .orElseThrow(
                () -> new IllegalArgumentException("The processor has no card under this token"));
    if (ProcessorVault.SLOW.equals(behaviour)) {
      pause();
    }
    // A repeated reference gets the first answer: the ledger keeps it (insert-if-absent).
    Outcome outcome =
        ProcessorVault.SLOW.equals(behaviour) ? Outcome.APPROVED : Outcome.valueOf(behaviour);
    return ledger.record(reference, outcome, amount);
  }

  @Override
  public Optional<Outcome> lookup(String reference) {
    return ledger.answer(reference);
  }

  @Override
  public void capture(String reference) {
    ledger.capture(reference);
  }

  @Override
  public void voidAuthorization(String reference) {
    ledger.voidAuthorization(reference);
  }

  @Override
  public void refund(String reference) {
    ledger.refund(reference);
  }

  private void pause() {
    try {
      Thread.sleep(config.slowCardDelay().toMillis());
    } catch (InterruptedException e) {
      // Only a shutdown interrupts the processor thread: no answer, the payment stays PROCESSING
      // and the reconciler settles it from the ledger (where nothing was recorded).
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted before the processor answered", e);
    }
  }
}
