package dev.cleave.order.api;

/**
 * Where an order and its checkout saga stand.
 *
 * <pre>
 * PLACED ──reserve──► STOCK_RESERVED ──authorize──► PAYMENT_AUTHORIZED ──commit, capture──► CONFIRMED
 *   │                    │                              │                                     │ cancel
 *   ├─► REJECTED         ├─► PAYMENT_DECLINED           └─► FAILED                            ▼
 *   │   (out of stock)   │   (release stock)                (void, release/restock)        CANCELLING
 *   └─► FAILED           └─► FAILED                                                         │ refund,
 *       (reservation         (release stock)                                                ▼ restock
 *        expired first)                                                                  CANCELLED
 * </pre>
 */
public enum OrderStatus {
  /** Accepted; stock not reserved yet. */
  PLACED(false),
  /** Stock is held for the order; payment is being authorized. */
  STOCK_RESERVED(false),
  /** The card holds the amount; stock is being committed and the payment captured. */
  PAYMENT_AUTHORIZED(false),
  /** Paid and stock committed. Final unless the customer cancels. */
  CONFIRMED(true),
  /** Some products were not available in the quantities ordered; nothing was charged. Final. */
  REJECTED(true),
  /** The card was declined; stock released, nothing charged. Final. */
  PAYMENT_DECLINED(true),
  /**
   * Checkout failed for another reason (processor error, interrupted payment, expired reservation);
   * compensated. Final.
   */
  FAILED(true),
  /** The customer cancelled a confirmed order; the refund and restock are under way. */
  CANCELLING(false),
  /** Cancelled: refunded and restocked. Final. */
  CANCELLED(true);

  private final boolean settled;

  OrderStatus(boolean settled) {
    this.settled = settled;
  }

  /**
   * True when the saga has nothing more to do for this order (unless a confirmed order is
   * cancelled).
   */
  public boolean isSettled() {
    return settled;
  }
}
