package dev.cleave.payment.api;

/** Why an authorization did not succeed. */
public enum PaymentFailure {
  /** The issuer declined the card ({@link PaymentStatus#DECLINED}). */
  CARD_DECLINED,
  /** The card's funds or limit do not cover the amount ({@link PaymentStatus#DECLINED}). */
  INSUFFICIENT_FUNDS,
  /** The processor answered with an error ({@link PaymentStatus#FAILED}). */
  PROCESSOR_ERROR,
  /**
   * The processor never answered, or the attempt was interrupted by a crash ({@link
   * PaymentStatus#FAILED}).
   */
  PROCESSOR_UNREACHABLE
}
