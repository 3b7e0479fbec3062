package dev.cleave.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Recognises which database constraint refused a write, so a repository can turn a race that the
 * database settled (two inserts of one unique value) into the same domain answer as its friendly
 * pre-check, instead of a 500.
 */
public final class DatabaseConstraints {

  private DatabaseConstraints() {}

  /**
   * Inserts {@code entity} now (persist and flush), so the database's constraint answers inside
   * this call.
   *
   * @return false, when the named unique constraint refused the row; the transaction is then marked
   *     for rollback, so the caller answers with a domain exception
   */
  public static boolean insert(EntityManager em, Object entity, String uniqueConstraint) {
    try {
      em.persist(entity);
      em.flush();
      return true;
    } catch (PersistenceException e) {
      if (violated(e, uniqueConstraint)) {
        return false;
      }
      throw e;
    }
  }

  /** True when {@code failure} (or a cause) is a violation of the named constraint. */
  public static boolean violated(Throwable failure, String constraint) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConstraintViolationException violation
          && constraint.equals(violation.getConstraintName())) {
        return true;
      }
    }
    return false;
  }
}
