package dev.cleave.platform.jwt;

import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Signs compact JWS tokens with RS256 under one RSA key, naming the key in the header by its RFC
 * 7638 thumbprint ({@code kid}). The user module signs access tokens with it, a calling service its
 * own service tokens (ADR 9); verifiers find the key by that {@code kid}.
 */
public final class Rs256Signer {

  private final RSAPrivateCrtKey key;
  private final RSAPublicKey publicKey;
  private final String keyId;

  public Rs256Signer(RSAPrivateCrtKey key) {
    this.key = key;
    this.publicKey = RsaKeys.publicKeyOf(key);
    this.keyId = RsaKeys.thumbprint(publicKey);
  }

  /**
   * A compact JWS ({@code header.claims.signature}) of these JSON claims, with the header {@code
   * {"alg":"RS256","typ":"JWT","kid":...}}.
   */
  public String sign(String claimsJson) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    jws.setKeyIdHeaderValue(keyId);
    jws.setPayload(claimsJson);
    jws.setKey(key);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
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
}
