package dev.cleave.apitests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A calling service's own key pair, as the split system will give one to each service (ADR 9): its
 * tokens are verified like user tokens, but may carry the {@code service} role only. The suite makes
 * one and trusts it through a JWKS holding the user module's key and this one.
 */
public final class ServiceKey {

  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private final PrivateKey key;
  private final String keyId;

  private ServiceKey(PrivateKey key, String keyId) {
    this.key = key;
    this.keyId = keyId;
  }

  /** The pair in {@code privatePem} / {@code publicPem} (PKCS #8 and X.509 PEM files). */
  public static ServiceKey of(Path privatePem, Path publicPem) {
    try {
      PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(privatePem)));
      return new ServiceKey(key, thumbprint(publicKey(publicPem)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token signed with this key for {@code subject}, with the single group {@code role}. */
  public String token(String subject, String role) {
    Instant now = Instant.now();
    String claims = "{\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"" + TestTokens.AUDIENCE + "\",\"sub\":\""
        + subject + "\",\"upn\":\"" + subject + "\",\"groups\":[\"" + role + "\"],\"jti\":\"" + UUID.randomUUID()
        + "\",\"iat\":" + now.minusSeconds(5).getEpochSecond() + ",\"exp\":" + now.plus(Duration.ofMinutes(5)).getEpochSecond()
        + "}";
    return TestTokens.sign(key, TestTokens.header(keyId), claims);
  }

  /** Writes a JWKS with the public keys in these PEM files; returns its path. */
  public static Path writeJwks(Path jwks, Path... publicPems) {
    String keys = List.of(publicPems).stream().map(ServiceKey::publicKey).map(k ->
        "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + thumbprint(k) + "\",\"n\":\""
            + unsigned(k.getModulus()) + "\",\"e\":\"" + unsigned(k.getPublicExponent()) + "\"}")
        .collect(Collectors.joining(","));
    try {
      Files.writeString(jwks, "{\"keys\":[" + keys + "]}");
      return jwks;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RSAPublicKey publicKey(Path pem) {
    try {
      return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** RFC 7638 thumbprint: the key id Cleave gives an RSA key. */
  static String thumbprint(RSAPublicKey key) {
    String canonical = "{\"e\":\"" + unsigned(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
        + unsigned(key.getModulus()) + "\"}";
    try {
      return B64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    byte[] trimmed = new byte[bytes.length - skip];
    System.arraycopy(bytes, skip, trimmed, 0, trimmed.length);
    return B64URL.encodeToString(trimmed);
  }

  private static byte[] der(Path pem) {
    try {
      return Base64.getDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
