package dev.cleave.payment.internal.application;

import dev.cleave.kernel.DomainException;
import java.util.Objects;

/**
 * What a transaction of {@link PaymentRecords} answers when the answer may be a refusal: the refusal
 * travels as a value and the caller throws it once the transaction has ended. A domain refusal
 * thrown out of a {@code @Transactional} method is written by Liberty as an FFDC incident (issue 15,
 * item 3): log noise any client could drive.
 */
public record Answer<T>(T value, DomainException refusal) {

  public static <T> Answer<T> of(T value) {
    return new Answer<>(value, null);
  }

  public static <T> Answer<T> refused(DomainException refusal) {
    return new Answer<>(null, Objects.requireNonNull(refusal, "refusal"));
  }

  /** The value, or the refusal thrown. */
  public T orThrow() {
    if (refusal != null) {
      throw refusal;
    }
    return value;
  }
}
