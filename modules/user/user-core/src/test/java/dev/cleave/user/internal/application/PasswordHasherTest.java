package dev.cleave.user.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Uses few iterations for speed; the parameters are what each hash records, so that is all it
 * changes.
 */
class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(1_000);

  @Test
  void verifiesTheRightPasswordOnly() {
    String hash = hasher.hash("correct horse battery");
    assertThat(hasher.verify("correct horse battery", hash)).isTrue();
    assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
    assertThat(hasher.verify("", hash)).isFalse();
  }

  @Test
  void storesItsParametersAndAFreshSaltWithEachHash() {
    String first = hasher.hash("correct horse battery");
    assertThat(first).matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(hasher.hash("correct horse battery")).isNotEqualTo(first);
    assertThat(first).doesNotContain("correct");
  }

  @Test
  void verifiesHashesMadeWithOtherParametersAndAsksToRehashThem() {
    String legacy = new PasswordHasher(500).hash("correct horse battery");
    assertThat(hasher.verify("correct horse battery", legacy)).isTrue();
    assertThat(hasher.needsRehash(legacy)).isTrue();
    assertThat(hasher.needsRehash(hasher.hash("correct horse battery"))).isFalse();
  }

  @Test
  void treatsComposedAndDecomposedUnicodeAsOnePassword() {
    String composed = "caf\u00e9 au lait, bitte";
    String decomposed = "cafe\u0301 au lait, bitte";
    assertThat(hasher.verify(decomposed, hasher.hash(composed))).isTrue();
  }

  @Test
  void refusesUnreadableHashesInsteadOfThrowing() {
    for (String stored :
        new String[] {
          null,
          "",
          "plain",
          "md5$1$a$b",
          "pbkdf2-sha256$x$a$b",
          "pbkdf2-sha256$0$AAAA$AAAA",
          "pbkdf2-sha256$1000$!!$??"
        }) {
      assertThat(hasher.verify("correct horse battery", stored)).as(stored).isFalse();
    }
    assertThat(hasher.needsRehash("md5$1$a$b")).isTrue();
  }

  @Test
  void theDecoyMatchesNoPassword() {
    hasher.verifyDecoy("decoy password that no account has");
    assertThat(hasher.verify("anything", null)).isFalse();
  }
}
