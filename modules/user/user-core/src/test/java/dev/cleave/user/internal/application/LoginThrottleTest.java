package dev.cleave.user.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  @Test
  void countsEverySpellingOfOneAddressAgainstOneKeyThatHoldsNoAddress() {
    String key = LoginThrottle.accountKey("jos\u00e9@example.com");
    assertThat(LoginThrottle.accountKey("  JOSE\u0301@Example.com ")).isEqualTo(key);
    assertThat(key)
        .startsWith("account:")
        .doesNotContain("example")
        .hasSize("account:".length() + 64);
    assertThat(LoginThrottle.accountKey("not an address"))
        .isEqualTo(LoginThrottle.accountKey("NOT AN ADDRESS"))
        .isNotEqualTo(key);
  }
}
