package dev.cleave.user.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void normalizesEmailAddressesToOneSpellingPerAccount() {
    assertThat(EmailAddress.normalize("  Ada.Lovelace@Example.COM "))
        .contains("ada.lovelace@example.com");
    assertThat(EmailAddress.normalize("JOSE\u0301@example.com"))
        .isEqualTo(EmailAddress.normalize("jos\u00e9@example.com"));
  }

  @Test
  void refusesWhatIsNotAnEmailAddress() {
    for (String bad :
        new String[] {
          null,
          "",
          "ada",
          "ada@",
          "@example.com",
          "ada@example",
          "a da@example.com",
          "ada@@example.com",
          "ada@example.com\u0000",
          "ada@.example.com",
          "x".repeat(65) + "@example.com"
        }) {
      assertThat(EmailAddress.normalize(bad)).as(String.valueOf(bad)).isEmpty();
    }
  }

  @Test
  void passwordsNeedTwelveCharactersAndMustNotBeTheEmailAddress() {
    assertThat(PasswordPolicy.problems("correct horse", "ada@example.com")).isEmpty();
    assertThat(PasswordPolicy.problems("elevenchars", "ada@example.com"))
        .containsExactly("must be at least 12 characters");
    assertThat(PasswordPolicy.problems("ADA@example.com", "ada@example.com"))
        .containsExactly("must not be the e-mail address");
    assertThat(PasswordPolicy.problems("x".repeat(129), null))
        .containsExactly("must be at most 128 characters");
    // Twelve emoji are twelve characters, though 24 UTF-16 units.
    assertThat(PasswordPolicy.problems("\uD83D\uDE00".repeat(12), null)).isEmpty();
    assertThat(PasswordPolicy.problems("\uD83D\uDE00".repeat(11), null)).isNotEmpty();
  }

  @Test
  void lockoutsStartAtTheLimitAndDoubleUpToTheMaximum() {
    LockoutSchedule schedule =
        new LockoutSchedule(
            5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(15));
    assertThat(schedule.lockAfter(4)).isZero();
    assertThat(schedule.lockAfter(5)).hasSeconds(1);
    assertThat(schedule.lockAfter(6)).hasSeconds(2);
    assertThat(schedule.lockAfter(9)).hasSeconds(16);
    assertThat(schedule.lockAfter(15)).isEqualTo(Duration.ofMinutes(15));
    assertThat(schedule.lockAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void aRefreshTokenIsUsedOnceAndNeverAfterExpiryOrRevocation() {
    Instant now = CLOCK.instant();
    RefreshToken token =
        new RefreshToken("h", UUID.randomUUID(), UUID.randomUUID(), now, now.plusSeconds(60));
    assertThat(token.refusal(now)).isNull();
    assertThat(token.refusal(now.plusSeconds(60))).isEqualTo(RefreshToken.Refusal.EXPIRED);
    token.use(now);
    assertThat(token.refusal(now)).isEqualTo(RefreshToken.Refusal.USED);
    assertThatThrownBy(() -> token.use(now)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aUserAlwaysHasTheCustomerRoleAndOneDefaultAddressWhenItHasAny() {
    User user = new User(UUID.randomUUID(), "ada@example.com", " Ada ", "hash", CLOCK);
    assertThat(user.roles()).containsExactly("customer");
    assertThat(user.name()).isEqualTo("Ada");
    assertThatThrownBy(() -> user.revoke(Role.CUSTOMER, CLOCK))
        .isInstanceOf(IllegalArgumentException.class);
    user.grant(Role.ADMIN, CLOCK);
    assertThat(user.roles()).containsExactly("admin", "customer");

    ShippingAddress home =
        new ShippingAddress("Ada", "1 Main St", null, "12345", "Town", null, "GB", false);
    ShippingAddress work =
        new ShippingAddress("Ada", "2 Work Rd", " ", "12345", "Town", null, "GB", false);
    user.replaceAddresses(List.of(home, work), CLOCK);
    assertThat(user.defaultAddress())
        .get()
        .extracting(ShippingAddress::line1)
        .isEqualTo("1 Main St");
    assertThat(user.addresses().get(1).line2()).isNull();

    ShippingAddress defaultWork =
        new ShippingAddress("Ada", "2 Work Rd", null, "12345", "Town", null, "GB", true);
    assertThatThrownBy(() -> user.replaceAddresses(List.of(defaultWork, defaultWork), CLOCK))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
