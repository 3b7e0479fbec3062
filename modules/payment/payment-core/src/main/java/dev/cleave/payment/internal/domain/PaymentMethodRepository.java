package dev.cleave.payment.internal.domain;

import java.util.Optional;

/** Payment methods in the module's own schema. */
public interface PaymentMethodRepository {

  /**
   * Inserts the method unless one has its key already.
   *
   * @return false when the key was taken (by a concurrent registration under the same key)
   */
  boolean add(StoredPaymentMethod method);

  Optional<StoredPaymentMethod> byKey(String methodKey);

  Optional<StoredPaymentMethod> byToken(String token);
}
