package dev.cleave.apitests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints RS256 tokens the way the user module will: issuer {@code https://cleave.dev/user}, audience
 * {@code cleave}, roles in {@code groups}. Tests use it to act as a customer or an administrator, and
 * to forge bad tokens.
 */
public final class TestTokens {

  public static final String ISSUER = "https://cleave.dev/user";
  public static final String AUDIENCE = "cleave";

  private final PrivateKey key;

  public TestTokens(PrivateKey key) {
    this.key = key;
  }

  static TestTokens fromPrivateKeyFile(Path pem) {
    try {
      String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      PrivateKey key = KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
      return new TestTokens(key);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read -Dcleave.test.jwtPrivateKey=" + pem, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String admin() {
    return token("admin-1", "admin", ISSUER, Duration.ofMinutes(5));
  }

  public String customer(String subject) {
    return token(subject, "customer", ISSUER, Duration.ofMinutes(5));
  }

  /** A token with the given subject, single role, issuer and lifetime (negative: already expired). */
  public String token(String subject, String role, String issuer, Duration lifetime) {
    Instant now = Instant.now();
    String claims = "{\"iss\":\"" + issuer + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + subject
        + "\",\"upn\":\"" + subject + "\",\"groups\":[\"" + role + "\"],\"jti\":\"" + UUID.randomUUID()
        + "\",\"iat\":" + now.minusSeconds(5).getEpochSecond() + ",\"exp\":"
        + now.plus(lifetime).getEpochSecond() + "}";
    return sign(key, claims);
  }

  static String sign(PrivateKey signingKey, String claimsJson) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(signingKey);
      signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
      return header + "." + payload + "." + b64.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A well-formed token signed by a key the server has never seen. */
  public static String signedByStranger() {
    return sign(dev.cleave.launcher.DevKeys.generate().getPrivate(),
        "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"mallory\",\"upn\":\"mallory\","
            + "\"groups\":[\"admin\"],\"iat\":" + Instant.now().getEpochSecond() + ",\"exp\":"
            + Instant.now().plusSeconds(300).getEpochSecond() + "}");
  }
}
