package dev.cleave.platform.jwt;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * Signs compact JWS tokens with RS256 under one RSA key, naming the key in the header by its RFC
 * 7638 thumbprint ({@code kid}). The user module signs access tokens with it, a calling service its
 * own service tokens (ADR 9); verifiers find the key by that {@code kid}.
 */
public final class Rs256Signer {

  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private final RSAPrivateCrtKey key;
  private final RSAPublicKey publicKey;
  private final String keyId;
  private final String encodedHeader;

  public Rs256Signer(RSAPrivateCrtKey key) {
    this.key = key;
    this.publicKey = RsaKeys.publicKeyOf(key);
    this.keyId = RsaKeys.thumbprint(publicKey);
    this.encodedHeader =
        encode(
            Json.createObjectBuilder()
                .add("alg", "RS256")
                .add("typ", "JWT")
                .add("kid", keyId)
                .build()
                .toString());
  }

  /** A compact JWS ({@code header.claims.signature}) of these JSON claims. */
  public String sign(String claimsJson) {
    String signingInput = encodedHeader + "." + encode(claimsJson);
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign a token", e);
    }
  }

  public RSAPublicKey publicKey() {
    return publicKey;
  }

  /** The key's id (RFC 7638 thumbprint), named in every token's header. */
  public String keyId() {
    return keyId;
  }

  private static String encode(String json) {
    return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
