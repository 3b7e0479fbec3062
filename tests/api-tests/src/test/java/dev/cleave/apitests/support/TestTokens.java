package dev.cleave.apitests.support;

import dev.cleave.launcher.DevKeys;
import io.restassured.RestAssured;
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
 * Mints RS256 tokens the way the user module does (issuer {@code https://cleave.dev/user}, audience
 * {@code cleave}, roles in {@code groups}, the published key id) with the server's own signing key.
 * Tests use it to act as a role without an account, and to forge tokens that differ from a good one
 * in exactly one defect. Tests that act as a person log in through the API instead.
 */
public final class TestTokens {

  public static final String ISSUER = "https://cleave.dev/user";
  public static final String AUDIENCE = "cleave";

  private final PrivateKey key;
  private final String baseUrl;
  private volatile String keyId;

  private TestTokens(PrivateKey key, String baseUrl) {
    this.key = key;
    this.baseUrl = baseUrl;
  }

  /** The key id the server publishes in its JWK Set, which every token it accepts must name. */
  public String keyId() {
    if (keyId == null) {
      keyId =
          RestAssured.given()
              .baseUri(baseUrl)
              .get("/.well-known/jwks.json")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getString("keys[0].kid");
    }
    return keyId;
  }

  /**
   * The server's signing key: tests forge with it to show which defects alone get a token refused.
   */
  public PrivateKey signingKey() {
    return key;
  }

  static TestTokens fromPrivateKeyFile(Path pem, String baseUrl) {
    try {
      String base64 =
          Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      PrivateKey key =
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
      return new TestTokens(key, baseUrl);
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

  /**
   * A token with the given subject, single role, issuer and lifetime (negative: already expired).
   */
  public String token(String subject, String role, String issuer, Duration lifetime) {
    Instant now = Instant.now();
    String claims =
        "{\"iss\":\""
            + issuer
            + "\",\"aud\":\""
            + AUDIENCE
            + "\",\"sub\":\""
            + subject
            + "\",\"upn\":\""
            + subject
            + "\",\"groups\":[\""
            + role
            + "\"],\"jti\":\""
            + UUID.randomUUID()
            + "\",\"iat\":"
            + now.minusSeconds(5).getEpochSecond()
            + ",\"exp\":"
            + now.plus(lifetime).getEpochSecond()
            + "}";
    return sign(key, header(keyId()), claims);
  }

  /** A JOSE header for RS256 naming the key id. */
  public static String header(String kid) {
    return "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
  }

  /** A compact JWS of the given header and claims, signed with RS256. */
  public static String sign(PrivateKey signingKey, String headerJson, String claimsJson) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8));
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
    return sign(
        DevKeys.generate().getPrivate(),
        header("stranger"),
        "{\"iss\":\""
            + ISSUER
            + "\",\"aud\":\""
            + AUDIENCE
            + "\",\"sub\":\"mallory\",\"upn\":\"mallory\","
            + "\"groups\":[\"admin\"],\"iat\":"
            + Instant.now().getEpochSecond()
            + ",\"exp\":"
            + Instant.now().plusSeconds(300).getEpochSecond()
            + "}");
  }
}
