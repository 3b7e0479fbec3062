package dev.cleave.user.internal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Business counters of the user module, exported at {@code /metrics} (Prometheus format). */
@ApplicationScoped
public class UserMetrics {

  private static final Metadata REGISTRATIONS =
      Metadata.builder()
          .withName("users.registrations")
          .withDescription("Accounts registered")
          .build();
  private static final Metadata LOGINS =
      Metadata.builder()
          .withName("auth.logins")
          .withDescription(
              "Login attempts, by result: success, failure (wrong e-mail or password), throttled")
          .build();
  private static final Metadata REFRESHES =
      Metadata.builder()
          .withName("auth.refreshes")
          .withDescription(
              "Refresh-token exchanges, by result: success, invalid, reuse (the family was"
                  + " revoked)")
          .build();
  private static final Metadata REHASHES =
      Metadata.builder()
          .withName("auth.password.rehashes")
          .withDescription("Password hashes upgraded to the current parameters at login")
          .build();

  @Inject MetricRegistry registry;

  void registered() {
    registry.counter(REGISTRATIONS).inc();
  }

  void login(String result) {
    registry.counter(LOGINS, new Tag("result", result)).inc();
  }

  void refresh(String result) {
    registry.counter(REFRESHES, new Tag("result", result)).inc();
  }

  void rehashed() {
    registry.counter(REHASHES).inc();
  }
}
