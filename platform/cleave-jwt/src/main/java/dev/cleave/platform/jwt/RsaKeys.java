package dev.cleave.platform.jwt;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;

/**
 * RSA keys as Cleave stores and publishes them: PEM files ({@code PUBLIC KEY}: X.509
 * SubjectPublicKeyInfo; {@code PRIVATE KEY}: PKCS #8, read by the JDK), JWKs and JWK Sets, and RFC
 * 7638 thumbprints as key ids (read and computed by jose4j).
 */
public final class RsaKeys {

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

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
      try {
        Map<String, Object> json = JsonUtil.parseJson(trimmed);
        List<?> members = json.containsKey("keys") ? (List<?>) json.get("keys") : List.of(json);
        for (Object member : members) {
          rsaKeyOf(member).ifPresent(keys::add);
        }
      } catch (JoseException | ClassCastException e) {
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

  /** The RSA key of a JWK's members; nothing for a key of another type. */
  @SuppressWarnings("unchecked") // a JSON object, as jose4j's parser gives it
  private static Optional<RSAPublicKey> rsaKeyOf(Object member) throws JoseException {
    Map<String, Object> jwk = (Map<String, Object>) member;
    if (!"RSA".equals(jwk.get("kty"))) {
      return Optional.empty();
    }
    return Optional.of(new RsaJsonWebKey(jwk).getRsaPublicKey());
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
    return new RsaJsonWebKey(key).calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
  }

  /** The key as a JWK for signature verification with RS256 (RFC 7517/7518), in member order. */
  public static Map<String, String> jwk(RSAPublicKey key) {
    Map<String, String> jwk = new LinkedHashMap<>();
    jwk.put("kty", "RSA");
    jwk.put("use", "sig");
    jwk.put("alg", "RS256");
    jwk.put("kid", thumbprint(key));
    Map<String, Object> members =
        new RsaJsonWebKey(key).toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    jwk.put("n", (String) members.get("n"));
    jwk.put("e", (String) members.get("e"));
    return jwk;
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
