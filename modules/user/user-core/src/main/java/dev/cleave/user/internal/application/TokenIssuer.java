package dev.cleave.user.internal.application;

import dev.cleave.platform.jwt.Rs256Signer;
import dev.cleave.platform.jwt.RsaKeys;
import dev.cleave.user.internal.domain.User;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.UUID;

/**
 * Signs access tokens: compact JWS, RS256, with the key id ({@code kid}) of the signing key, the
 * configured issuer and audience, the user's id as subject (and {@code upn}, which MicroProfile JWT
 * takes as the principal name) and the user's roles in {@code groups}.
 *
 * <p>The signing key comes from {@code cleave.jwt.private.key} (PEM text, e.g. injected from a
 * secret store) or the file named by {@code cleave.jwt.private.key.location}. Without one the
 * module refuses to start: there is no built-in key, and the launcher generates a development key
 * pair.
 */
@ApplicationScoped
public class TokenIssuer {

  @Inject UserConfig config;

  private Rs256Signer signer;

  @PostConstruct
  void loadKey() {
    String pem =
        config
            .privateKey()
            .orElseGet(
                () ->
                    config
                        .privateKeyLocation()
                        .map(TokenIssuer::read)
                        .orElseThrow(
                            () ->
                                new IllegalStateException(
                                    "No token signing key: set CLEAVE_JWT_PRIVATE_KEY_LOCATION (a"
                                        + " PKCS #8 PEM file) or CLEAVE_JWT_PRIVATE_KEY (its text)."
                                        + " ./mvnw -Prun generates a development key.")));
    use(RsaKeys.privateKey(pem));
  }

  /** For tests outside the container: an issuer with a given key. */
  static TokenIssuer withKey(UserConfig config, RSAPrivateCrtKey key) {
    TokenIssuer issuer = new TokenIssuer();
    issuer.config = config;
    issuer.use(key);
    return issuer;
  }

  private void use(RSAPrivateCrtKey key) {
    signer = new Rs256Signer(key);
  }

  private static String read(String location) {
    try {
      return Files.readString(Path.of(location));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the token signing key from " + location, e);
    }
  }

  /** A new access token for the user, valid from {@code now} for the configured lifetime. */
  public String accessToken(User user, Instant now) {
    JsonArrayBuilder groups = Json.createArrayBuilder();
    user.roles().forEach(groups::add);
    String subject = user.id().toString();
    String claims =
        Json.createObjectBuilder()
            .add("iss", config.issuer())
            .add("aud", config.audience())
            .add("sub", subject)
            .add("upn", subject)
            .add("groups", groups)
            .add("iat", now.getEpochSecond())
            .add("exp", now.plus(config.accessTokenTtl()).getEpochSecond())
            .add("jti", UUID.randomUUID().toString())
            .build()
            .toString();
    return signer.sign(claims);
  }

  /** The public half of the signing key, published as a JWK. */
  public RSAPublicKey publicKey() {
    return signer.publicKey();
  }

  /** The signing key's id (RFC 7638 thumbprint), named in every token's header. */
  public String keyId() {
    return signer.keyId();
  }
}
