package dev.cleave.apitests.support;

import dev.cleave.launcher.DevKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A calling service's own key pair, as the split system gives one to each calling service (ADR 9):
 * its tokens are verified like user tokens, but may carry the {@code service} role only. The suite
 * makes one and every server trusts it as a service key, next to the system's own.
 */
public final class ServiceKey {

  private final PrivateKey key;
  private final String keyId;

  private ServiceKey(PrivateKey key, String keyId) {
    this.key = key;
    this.keyId = keyId;
  }

  /** The pair in {@code privatePem} / {@code publicPem} (PKCS #8 and X.509 PEM files). */
  public static ServiceKey of(Path privatePem, Path publicPem) {
    try {
      PrivateKey key =
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(privatePem)));
      return new ServiceKey(key, DevKeys.thumbprint(DevKeys.readPublicKey(publicPem)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token signed with this key for {@code subject}, with the single group {@code role}. */
  public String token(String subject, String role) {
    Instant now = Instant.now();
    String claims =
        "{\"iss\":\""
            + TestTokens.ISSUER
            + "\",\"aud\":\""
            + TestTokens.AUDIENCE
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
            + now.plus(Duration.ofMinutes(5)).getEpochSecond()
            + "}";
    return TestTokens.sign(key, TestTokens.header(keyId), claims);
  }

  private static byte[] der(Path pem) {
    try {
      return Base64.getDecoder()
          .decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
