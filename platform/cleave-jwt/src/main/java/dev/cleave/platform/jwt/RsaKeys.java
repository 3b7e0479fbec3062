package dev.cleave.platform.jwt;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSA keys as Cleave stores and publishes them: PEM files ({@code PUBLIC KEY}: X.509
 * SubjectPublicKeyInfo; {@code PRIVATE KEY}: PKCS #8), JWKs, and RFC 7638 thumbprints as key ids.
 */
public final class RsaKeys {

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private RsaKeys() {}

  /** Reads a {@code PUBLIC KEY} PEM block. */
  public static RSAPublicKey publicKey(String pem) {
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("not an RSA public key in PEM form", e);
    }
  }

  /**
   * Reads every RSA public key of a text: one or more {@code PUBLIC KEY} PEM blocks, a JWK, or a
   * JWKS ({@code {"keys":[...]}}; keys other than RSA are skipped).
   */
  public static List<RSAPublicKey> publicKeys(String text) {
    String trimmed = text == null ? "" : text.strip();
    List<RSAPublicKey> keys = new ArrayList<>();
    if (trimmed.startsWith("{")) {
      try (JsonReader reader = JsonProvider.provider().createReader(new StringReader(trimmed))) {
        JsonObject json = reader.readObject();
        List<JsonObject> jwks =
            json.containsKey("keys")
                ? json.getJsonArray("keys").getValuesAs(JsonObject.class)
                : List.of(json);
        for (JsonObject jwk : jwks) {
          if ("RSA".equals(jwk.getString("kty", ""))) {
            keys.add(fromJwk(jwk.getString("n"), jwk.getString("e")));
          }
        }
      } catch (JsonException | ClassCastException | NullPointerException e) {
        throw new IllegalArgumentException("not a JWK or JWKS", e);
      }
    } else {
      Matcher matcher = PEM.matcher(trimmed);
      while (matcher.find()) {
        if (matcher.group(1).equals("PUBLIC KEY")) {
          keys.add(publicKey(matcher.group()));
        }
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no RSA public key (PEM, JWK or JWKS) found");
    }
    return keys;
  }

  private static RSAPublicKey fromJwk(String n, String e) {
    try {
      Base64.Decoder url = Base64.getUrlDecoder();
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(
                  new RSAPublicKeySpec(
                      new BigInteger(1, url.decode(n)), new BigInteger(1, url.decode(e))));
    } catch (GeneralSecurityException ex) {
      throw new IllegalArgumentException("not an RSA JWK", ex);
    }
  }

  /** Reads a {@code PRIVATE KEY} (PKCS #8) PEM block holding an RSA key with its CRT parameters. */
  public static RSAPrivateCrtKey privateKey(String pem) {
    try {
      return (RSAPrivateCrtKey)
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("not an RSA private key in PKCS #8 PEM form", e);
    }
  }

  /** The public half of a private key. */
  public static RSAPublicKey publicKeyOf(RSAPrivateCrtKey privateKey) {
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(
                  new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The RFC 7638 JWK thumbprint (SHA-256, base64url): Cleave's key id ({@code kid}). */
  public static String thumbprint(RSAPublicKey key) {
    String canonical =
        "{\"e\":\""
            + unsigned(key.getPublicExponent())
            + "\",\"kty\":\"RSA\",\"n\":\""
            + unsigned(key.getModulus())
            + "\"}";
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return B64URL.encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key as a JWK for signature verification with RS256 (RFC 7517/7518), in member order. */
  public static Map<String, String> jwk(RSAPublicKey key) {
    Map<String, String> jwk = new LinkedHashMap<>();
    jwk.put("kty", "RSA");
    jwk.put("use", "sig");
    jwk.put("alg", "RS256");
    jwk.put("kid", thumbprint(key));
    jwk.put("n", unsigned(key.getModulus()));
    jwk.put("e", unsigned(key.getPublicExponent()));
    return jwk;
  }

  /** A big integer as unsigned big-endian base64url, as JWK members want it. */
  static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    byte[] trimmed = new byte[bytes.length - skip];
    System.arraycopy(bytes, skip, trimmed, 0, trimmed.length);
    return B64URL.encodeToString(trimmed);
  }

  private static byte[] der(String pem, String type) {
    Matcher matcher = PEM.matcher(pem == null ? "" : pem);
    while (matcher.find()) {
      if (matcher.group(1).equals(type)) {
        return Base64.getMimeDecoder().decode(matcher.group(2));
      }
    }
    throw new IllegalArgumentException("no '" + type + "' PEM block found");
  }
}
