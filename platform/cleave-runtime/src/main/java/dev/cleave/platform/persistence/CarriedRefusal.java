package dev.cleave.platform.persistence;

/**
 * A refusal on its way through Liberty's transaction interceptor, as a checked exception (see
 * {@link RefusalInsideTransaction}). Never seen outside the two interceptors.
 */
final class CarriedRefusal extends Exception {

  private static final long serialVersionUID = 1L;

  CarriedRefusal(RuntimeException refusal) {
    super(refusal.getMessage(), refusal, false, false);
  }

  RuntimeException refusal() {
    return (RuntimeException) getCause();
  }
}
