package dev.cleave.platform.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final KeyPair USER = pair();
  private static final KeyPair SERVICE = pair();
  private static final KeyPair STRANGER = pair();
  private static final TokenVerifier.Rules RULES =
      new TokenVerifier.Rules("https://cleave.dev/user", Set.of("cleave"), Duration.ofSeconds(60));

  /** Remembers what it verified: every rule below must hold with that memory too. */
  private static final TokenVerifier VERIFIER = remembering(64);

  private static TokenVerifier remembering(int tokens) {
    return new TokenVerifier(
        List.of((RSAPublicKey) USER.getPublic()),
        List.of((RSAPublicKey) SERVICE.getPublic()),
        RULES,
        tokens);
  }

  private static KeyPair pair() {
    return pair(2048);
  }

  private static KeyPair pair(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The claims of a good token, with {@code extra} (",\"name\":value...") replacing or adding. */
  private static String claims(String extra) {
    String base = baseClaims();
    if (extra.isEmpty()) {
      return base;
    }
    return Json.createObjectBuilder(object(base))
        .addAll(Json.createObjectBuilder(object("{" + extra.substring(1) + "}")))
        .build()
        .toString();
  }

  private static JsonObject object(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static String baseClaims() {
    return "{\"iss\":\"https://cleave.dev/user\",\"aud\":\"cleave\",\"sub\":\"u-1\",\"upn\":\"u-1\","
               + "\"groups\":[\"customer\"],\"iat\":"
        + NOW.minusSeconds(10).getEpochSecond()
        + ",\"exp\":"
        + NOW.plusSeconds(300).getEpochSecond()
        + "}";
  }

  private static String signed(KeyPair pair, String header, String claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input =
        b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(pair.getPrivate());
      rsa.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + b64.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String header(KeyPair pair) {
    return "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\""
        + RsaKeys.thumbprint((RSAPublicKey) pair.getPublic())
        + "\"}";
  }

  private static String token(String extraClaims) {
    return signed(USER, header(USER), claims(extraClaims));
  }

  private static void refused(String token, String reason) {
    assertThatThrownBy(() -> VERIFIER.verify(token, NOW))
        .isInstanceOf(TokenVerifier.InvalidTokenException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void aTokenTheUserModuleWouldIssuePasses() throws Exception {
    String issued = new Rs256Signer((RSAPrivateCrtKey) USER.getPrivate()).sign(claims(""));
    TokenVerifier.Verified verified = VERIFIER.verify(issued, NOW);
    assertThat(verified.subject()).isEqualTo("u-1");
    assertThat(verified.groups()).containsExactly("customer");
    assertThat(verified.serviceKey()).isFalse();
    assertThat(VERIFIER.verify(token(",\"aud\":[\"other\",\"cleave\"]"), NOW).subject())
        .isEqualTo("u-1");
  }

  @Test
  void aTokenPresentedAgainIsAnsweredFromMemoryWithTheSameResult() throws Exception {
    TokenVerifier verifier = remembering(16);
    String good = token("");

    TokenVerifier.Verified first = verifier.verify(good, NOW);
    TokenVerifier.Verified again = verifier.verify(good, NOW.plusSeconds(30));

    assertThat(again).isEqualTo(first);
    assertThat(verifier.rememberedTokens()).isEqualTo(1);
    assertThat(
            new TokenVerifier(List.of((RSAPublicKey) USER.getPublic()), List.of(), RULES)
                .verify(good, NOW))
        .isEqualTo(first);
  }

  @Test
  void aRememberedTokenStillExpiresAndStillWaitsForItsNotBefore() throws Exception {
    TokenVerifier verifier = remembering(16);
    String good = token("");
    verifier.verify(good, NOW);

    // exp is NOW + 300 s, with 60 s of skew.
    assertThat(verifier.verify(good, NOW.plusSeconds(360)).subject()).isEqualTo("u-1");
    assertThatThrownBy(() -> verifier.verify(good, NOW.plusSeconds(361)))
        .isInstanceOf(TokenVerifier.InvalidTokenException.class)
        .hasMessageContaining("expired");
    assertThat(verifier.rememberedTokens()).isZero();

    String later = token(",\"nbf\":" + NOW.plusSeconds(100).getEpochSecond());
    verifier.verify(later, NOW.plusSeconds(100));
    assertThatThrownBy(() -> verifier.verify(later, NOW))
        .isInstanceOf(TokenVerifier.InvalidTokenException.class)
        .hasMessageContaining("nbf is in the future");
  }

  @Test
  void onlyTheByteIdenticalTokenIsRememberedAndNoRefusedOne() throws Exception {
    TokenVerifier verifier = remembering(16);
    String good = token("");
    verifier.verify(good, NOW);
    String[] parts = good.split("\\.");
    String otherClaims =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(claims("").replace("u-1", "admin-1").getBytes(StandardCharsets.UTF_8));
    // A character inside the signature: all six of its bits count (the last character's low bits
    // are padding, so changing them may leave the very same signature, which still verifies).
    int inside = good.length() - 10;
    char changed = good.charAt(inside) == 'A' ? 'g' : 'A';

    for (String forged :
        List.of(
            parts[0] + "." + otherClaims + "." + parts[2],
            good.substring(0, inside) + changed + good.substring(inside + 1),
            signed(STRANGER, header(USER), claims("")),
            signed(SERVICE, header(SERVICE), claims("")))) {
      assertThatThrownBy(() -> verifier.verify(forged, NOW))
          .isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }
    assertThat(verifier.rememberedTokens()).isEqualTo(1);
  }

  @Test
  void theMemoryIsBoundedAndCanBeNone() throws Exception {
    TokenVerifier two = remembering(2);
    for (int i = 0; i < 5; i++) {
      two.verify(token(",\"sub\":\"u-" + i + "\",\"upn\":\"u-" + i + "\""), NOW);
      assertThat(two.rememberedTokens()).isBetween(1, 2);
    }
    TokenVerifier none = remembering(0);
    none.verify(token(""), NOW);
    assertThat(none.rememberedTokens()).isZero();
    assertThatThrownBy(() -> remembering(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsTheBearerCredentialOfAnAuthorizationHeaderAndNothingElse() {
    assertThat(TokenVerifier.bearerToken("Bearer abc.def.ghi")).contains("abc.def.ghi");
    assertThat(TokenVerifier.bearerToken("bearer   abc ")).contains("abc");
    assertThat(TokenVerifier.bearerToken("Bearer")).contains("");
    assertThat(TokenVerifier.bearerToken("Basic dXNlcjpwdw==")).isEmpty();
    assertThat(TokenVerifier.bearerToken("Bearerabc")).isEmpty();
    assertThat(TokenVerifier.bearerToken(null)).isEmpty();
  }

  @Test
  void aLogNamesATokenByKeyIdAndHashPrefixOnly() {
    String good = token("");
    String kid = RsaKeys.thumbprint((RSAPublicKey) USER.getPublic());
    assertThat(TokenVerifier.keyIdOf(good)).contains(kid);
    String fingerprint = TokenVerifier.fingerprint(good);
    assertThat(fingerprint).matches("kid=" + kid + ", sha256=[0-9a-f]{12}");
    for (String part : good.split("\\.")) {
      assertThat(fingerprint).doesNotContain(part.substring(part.length() - 12));
    }
    assertThat(TokenVerifier.fingerprint(good + "x")).isNotEqualTo(fingerprint);
    // A forged header cannot smuggle text into the log line, nor can a long one flood it.
    String header = "{\"alg\":\"RS256\",\"kid\":\"a\\nb c" + "k".repeat(100) + "\"}";
    String forged =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + ".e30.c2ln";
    assertThat(TokenVerifier.fingerprint(forged))
        .startsWith("kid=a?b?ckkk")
        .contains("...,")
        .doesNotContain("\n");
    assertThat(TokenVerifier.fingerprint("garbage")).startsWith("kid=none, sha256=");
    assertThat(TokenVerifier.fingerprint(null)).startsWith("kid=none, sha256=");
  }

  @Test
  void theSignatureMustHoldWithATrustedKeyNamedByItsId() {
    refused(signed(STRANGER, header(STRANGER), claims("")), "unknown key id");
    refused(signed(STRANGER, header(USER), claims("")), "bad signature");
    refused(signed(USER, "{\"alg\":\"RS256\"}", claims("")), "no key id");
    refused(signed(USER, header(USER).replace("RS256", "HS256"), claims("")), "not RS256");
    refused(signed(USER, header(USER).replace("RS256", "none"), claims("")), "not RS256");
    String good = token("");
    String[] parts = good.split("\\.");
    String otherClaims =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(claims("").replace("u-1", "u-2").getBytes(StandardCharsets.UTF_8));
    refused(parts[0] + "." + otherClaims + "." + parts[2], "bad signature");
    refused(good.substring(0, good.length() - 10), "bad signature");
    refused(parts[0] + "." + parts[1] + ".", "not a compact JWS");
    refused("not.a.token", "header is not");
    refused("", "not a compact JWS");
    refused(null, "not a compact JWS");
  }

  @Test
  void aKeyShorterThan2048BitsVerifiesNothing() {
    KeyPair weak = pair(1024);
    TokenVerifier trustsWeak =
        new TokenVerifier(
            List.of((RSAPublicKey) weak.getPublic()),
            List.of(),
            new TokenVerifier.Rules(
                "https://cleave.dev/user", Set.of("cleave"), Duration.ofSeconds(60)));
    assertThatThrownBy(() -> trustsWeak.verify(signed(weak, header(weak), claims("")), NOW))
        .isInstanceOf(TokenVerifier.InvalidTokenException.class)
        .hasMessageContaining("bad signature");
  }

  @Test
  void aHeaderOrClaimsObjectThatNamesAMemberTwiceIsRefused() {
    String twice = baseClaims().replace("\"sub\":\"u-1\",", "\"sub\":\"u-1\",\"sub\":\"admin-1\",");
    refused(signed(USER, header(USER), twice), "claims are not a JSON object with unique names");
    String header = header(USER).replace("{", "{\"alg\":\"none\",");
    refused(signed(USER, header, claims("")), "header is not");
  }

  @Test
  void issuerAudienceAndTimesFollowTheServicesRules() {
    refused(token(",\"iss\":\"https://evil.example\""), "wrong issuer");
    refused(token(",\"aud\":\"other\""), "wrong audience");
    refused(token(",\"aud\":[]"), "wrong audience");
    refused(
        signed(USER, header(USER), claims("").replace("\"aud\":\"cleave\",", "")),
        "wrong audience");
    refused(token(",\"exp\":" + NOW.minusSeconds(61).getEpochSecond()), "expired");
    refused(token(",\"exp\":\"soon\""), "exp is not a number");
    refused(token(",\"nbf\":" + NOW.plusSeconds(61).getEpochSecond()), "nbf is in the future");
    refused(token(",\"iat\":" + NOW.plusSeconds(3600).getEpochSecond()), "iat is in the future");
  }

  @Test
  void theClockSkewIsAllowedAndNoMore() throws Exception {
    assertThat(VERIFIER.verify(token(",\"exp\":" + NOW.minusSeconds(59).getEpochSecond()), NOW))
        .isNotNull();
    assertThat(VERIFIER.verify(token(",\"nbf\":" + NOW.plusSeconds(59).getEpochSecond()), NOW))
        .isNotNull();
  }

  @Test
  void theSubjectIsRequiredAndTheUpnMustMatchIt() {
    refused(token(",\"sub\":\"\""), "no subject");
    refused(token(",\"sub\":null"), "no subject");
    refused(token(",\"upn\":\"u-2\""), "upn differs");
    refused(token(",\"groups\":\"admin\""), "groups is not an array");
  }

  @Test
  void aServiceKeyMaySignServiceTokensOnly() throws Exception {
    String service =
        signed(
            SERVICE,
            header(SERVICE),
            claims(
                ",\"sub\":\"order-service\",\"upn\":\"order-service\","
                    + "\"groups\":[\"service\"]"));
    assertThat(VERIFIER.verify(service, NOW).serviceKey()).isTrue();
    refused(
        signed(SERVICE, header(SERVICE), claims(",\"groups\":[\"admin\"]")),
        "a service key signed");
    refused(
        signed(SERVICE, header(SERVICE), claims(",\"groups\":[\"service\",\"admin\"]")),
        "a service key signed");
  }
}
