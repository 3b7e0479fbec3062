package dev.cleave.payment.internal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Payments in the module's own schema. */
public interface PaymentRepository {

  Optional<Payment> find(String paymentKey);

  /** The payment, its row locked until the transaction ends. */
  Optional<Payment> lock(String paymentKey);

  /**
   * Inserts now: the primary key decides between two first authorizations under one key.
   *
   * @return false when another payment has the key (the transaction is then marked for rollback)
   */
  boolean add(Payment payment);

  /**
   * Keys of payments still {@code PROCESSING} that last changed before {@code before}, oldest
   * first.
   */
  List<String> processingSince(Instant before, int limit);
}
