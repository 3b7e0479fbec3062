package dev.cleave.payment.internal.processor;

import dev.cleave.kernel.Money;
import dev.cleave.payment.api.CardDetails;
import java.util.Optional;

/**
 * A card processor. Every call carries the payment's reference, which the processor treats as its
 * own idempotency key, so repeating a call after a lost answer never moves money twice.
 */
public interface CardProcessor {

  /** The processor's answer to an authorization. */
  enum Outcome { APPROVED, CARD_DECLINED, INSUFFICIENT_FUNDS, PROCESSOR_ERROR }

  /**
   * Asks the issuer to hold {@code amount} on the card. May take a while (the caller bounds the
   * wait); the answer is recorded on the processor's side before it is returned.
   */
  Outcome authorize(String reference, CardDetails card, Money amount);

  /** The recorded answer to an earlier authorization, or empty when the processor never answered it. */
  Optional<Outcome> lookup(String reference);

  /** Takes an approved authorization's amount; repeating it changes nothing. */
  void capture(String reference);

  /** Lets an approved, uncaptured authorization go; repeating it changes nothing. */
  void voidAuthorization(String reference);

  /** Gives a captured amount back; repeating it changes nothing. */
  void refund(String reference);
}
