package dev.cleave.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Whether a failure means the database cannot be reached right now (it is down, restarting, or
 * every connection is in use), rather than a fault of Cleave's: the answer is then {@code 503} with
 * {@code Retry-After}, which a client may retry, never {@code 500}.
 */
final class DatabaseUnavailable {

  /** How long a client should wait: about what a PostgreSQL restart or a fail-over takes. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private DatabaseUnavailable() {}

  static boolean isCause(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof JDBCConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATE class 08 (connection exception) and PostgreSQL's 57P01 admin shutdown, 57P02 crash
   * shutdown, 57P03 cannot connect now (starting up or recovering).
   */
  static boolean isConnectionState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
