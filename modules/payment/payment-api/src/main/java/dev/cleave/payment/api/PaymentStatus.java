package dev.cleave.payment.api;

/** Where a payment stands. */
public enum PaymentStatus {
  /** Sent to the processor; no outcome yet. */
  PROCESSING,
  /** The processor holds the amount on the card. */
  AUTHORIZED,
  /** The processor refused the card; see the payment's failure reason. Final. */
  DECLINED,
  /** The processor failed or could not be reached; nothing is held. Final. */
  FAILED,
  /** The amount was taken. */
  CAPTURED,
  /** The authorization was let go; nothing was taken. Final. */
  VOIDED,
  /** The captured amount was given back. Final. */
  REFUNDED;

  /** True for the outcomes of an authorization that hold nothing on the card. */
  public boolean isUnsuccessful() {
    return this == DECLINED || this == FAILED;
  }
}
