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
  enum Outcome {
    APPROVED,
    CARD_DECLINED,
    INSUFFICIENT_FUNDS,
    PROCESSOR_ERROR
  }

  /**
   * Keeps the card on the processor's side and returns its token ({@code pm_} and 24 letters or
   * digits), which stands for the card in every later authorization.
   */
  String tokenize(CardDetails card);

  /**
   * Asks the issuer to hold {@code amount} on the tokenized card. May take a while (the caller
   * bounds the wait); the answer is recorded on the processor's side before it is returned, and a
   * repeated reference gets the first answer.
   */
  Outcome authorize(String reference, String token, Money amount);

  /**
   * The recorded answer to an earlier authorization, or empty when the processor never answered it.
   */
  Optional<Outcome> lookup(String reference);

  /** Takes an approved authorization's amount; repeating it changes nothing. */
  void capture(String reference);

  /** Lets an approved, uncaptured authorization go; repeating it changes nothing. */
  void voidAuthorization(String reference);

  /** Gives a captured amount back; repeating it changes nothing. */
  void refund(String reference);
}
