package dev.cleave.inserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.user.api.Address;
import dev.cleave.user.api.Credentials;
import dev.cleave.user.api.CustomerDirectory;
import dev.cleave.user.api.CustomerSummary;
import dev.cleave.user.api.ProfileUpdate;
import dev.cleave.user.api.Registration;
import dev.cleave.user.api.UserNotFoundException;
import dev.cleave.user.api.UserProfile;
import dev.cleave.user.internal.application.AccountService;
import dev.cleave.user.internal.application.AuthenticationService;
import dev.cleave.user.internal.application.Housekeeping;
import dev.cleave.user.internal.application.Housekeeping.Result;
import dev.cleave.user.internal.application.PasswordHasher;
import dev.cleave.user.internal.application.SessionService;
import dev.cleave.user.internal.application.UserModule;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The user module inside a real Liberty server and the real monolith WAR, on a real PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class UserModuleInServerIT {

  private static final String PASSWORD = "correct horse battery staple";

  @Deployment
  static WebArchive deployment() throws Exception {
    return InServerEnvironment.monolithWith(UserModuleInServerIT.class);
  }

  @Inject AccountService accounts;

  @Inject AuthenticationService authentication;

  @Inject CustomerDirectory directory;

  @Inject PasswordHasher hasher;

  @Inject UserModule module;

  @Inject Housekeeping housekeeping;

  @Inject SessionService sessions;

  private UserProfile register() {
    return accounts.register(
        new Registration("it-" + UUID.randomUUID() + "@cleave.test", PASSWORD, "In Server"));
  }

  private String storedHash(String id) throws SQLException {
    try (Connection c = module.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement("select password_hash from users.users where id = ?::uuid")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private void storeHash(String id, String hash) throws SQLException {
    try (Connection c = module.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement("update users.users set password_hash = ? where id = ?::uuid")) {
      s.setString(1, hash);
      s.setString(2, id);
      s.executeUpdate();
    }
  }

  @Test
  void hashesPasswordsWithPbkdf2AtTheOwaspIterationCount() throws SQLException {
    String stored = storedHash(register().id());
    assertThat(stored).startsWith("pbkdf2-sha256$600000$").doesNotContain(PASSWORD);
    assertThat(hasher.iterations()).isGreaterThanOrEqualTo(600_000);
  }

  @Test
  void upgradesAnOldHashAtTheNextLogin() throws SQLException {
    UserProfile user = register();
    String legacy = new PasswordHasher(310_000).hash(PASSWORD);
    storeHash(user.id(), legacy);

    assertThat(
            authentication
                .login(new Credentials(user.email(), PASSWORD), "192.0.2.10")
                .accessToken())
        .isNotBlank();

    String upgraded = storedHash(user.id());
    assertThat(upgraded).startsWith("pbkdf2-sha256$600000$").isNotEqualTo(legacy);
    assertThat(hasher.verify(PASSWORD, upgraded)).isTrue();
    authentication.login(new Credentials(user.email(), PASSWORD), "192.0.2.10");
    assertThat(storedHash(user.id())).isEqualTo(upgraded);
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = module.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = module.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void housekeepingPurgesOldTokensAndCountersButNotLiveOnes() throws SQLException {
    UserProfile user = register();
    String live =
        authentication.login(new Credentials(user.email(), PASSWORD), "192.0.2.20").refreshToken();
    String family = UUID.randomUUID().toString();
    execute(
        "insert into users.refresh_tokens (token_hash, family_id, user_id, issued_at, expires_at)"
            + " values ('"
            + "a".repeat(64)
            + "', '"
            + family
            + "', '"
            + user.id()
            + "', now() - interval '20 days', now() - interval '3 days'),"
            + "('"
            + "b".repeat(64)
            + "', '"
            + family
            + "', '"
            + user.id()
            + "', now() - interval '1 hour', now() + interval '5 days')");
    execute(
        "update users.refresh_tokens set revoked_at = now() - interval '2 days' where token_hash ="
            + " '"
            + "b".repeat(64)
            + "'");
    execute(
        "insert into users.login_throttles values ('it:stale', 3, now() - interval '2 hours',"
            + " null), ('it:locked', 9, now() - interval '2 hours', now() + interval '1 hour'),"
            + " ('it:recent', 1, now() - interval '1 minute', null) on conflict do nothing");

    Result result = housekeeping.purge(Instant.now());

    assertThat(result.tokens()).isGreaterThanOrEqualTo(2);
    assertThat(
            count("select count(*) from users.refresh_tokens where family_id = '" + family + "'"))
        .isZero();
    assertThat(count("select count(*) from users.login_throttles where throttle_key like 'it:%'"))
        .isEqualTo(2);
    assertThat(sessions.refresh(live).accessToken()).isNotBlank();
  }

  @Test
  void otherModulesSeeACustomersNameAndDefaultAddress() {
    UserProfile user = register();
    Address home =
        new Address("In Server", "1 Test Road", null, "12345", "Testing", null, "DE", false);
    Address work =
        new Address("In Server", "2 Work Road", null, "54321", "Working", null, "DE", true);
    accounts.updateProfile(user.id(), new ProfileUpdate("Renamed", List.of(home, work)));

    CustomerSummary customer = directory.findCustomer(user.id());
    assertThat(customer.name()).isEqualTo("Renamed");
    assertThat(customer.email()).isEqualTo(user.email());
    assertThat(customer.defaultAddress().city()).isEqualTo("Working");
    assertThatThrownBy(() -> directory.findCustomer(UUID.randomUUID().toString()))
        .isInstanceOf(UserNotFoundException.class);
    assertThatThrownBy(() -> directory.findCustomer("1-1-1-1-1"))
        .isInstanceOf(UserNotFoundException.class);
  }
}
