package dev.cleave.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

  @Test
  void seesARefusedOrLostConnectionDeepInTheCauseChain() {
    SQLException refused = new SQLException("Connection to localhost:15432 refused", "08001");
    RuntimeException wrapped =
        new IllegalStateException("transaction", new RuntimeException("persist", refused));
    assertThat(DatabaseUnavailable.isCause(wrapped)).isTrue();
    assertThat(
            DatabaseUnavailable.isCause(
                new SQLException("terminating connection due to administrator command", "57P01")))
        .isTrue();
    assertThat(
            DatabaseUnavailable.isCause(
                new SQLException("the database system is starting up", "57P03")))
        .isTrue();
    assertThat(DatabaseUnavailable.isCause(new SQLTransientConnectionException("pool exhausted")))
        .isTrue();
    assertThat(DatabaseUnavailable.isCause(new JDBCConnectionException("lost", refused))).isTrue();
  }

  @Test
  void leavesOtherFailuresToTheInternalError() {
    assertThat(DatabaseUnavailable.isCause(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(DatabaseUnavailable.isCause(new SQLException("no state"))).isFalse();
    assertThat(DatabaseUnavailable.isCause(new NullPointerException())).isFalse();
  }
}
