package dev.cleave.payment.internal.application;

import dev.cleave.payment.api.PaymentDetails;
import dev.cleave.payment.internal.domain.Payment;

/** Translations between the payment aggregate and the module's API records. */
final class PaymentMapping {

  private PaymentMapping() {}

  static PaymentDetails details(Payment payment) {
    return new PaymentDetails(
        payment.paymentKey(),
        payment.customerId(),
        payment.status(),
        payment.amount(),
        payment.cardBrand(),
        payment.cardLast4(),
        payment.failure(),
        payment.createdAt(),
        payment.updatedAt());
  }
}
