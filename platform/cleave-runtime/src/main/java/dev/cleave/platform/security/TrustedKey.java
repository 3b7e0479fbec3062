package dev.cleave.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public key this deployable verifies tokens with, read from the same configuration that
 * MicroProfile JWT uses ({@code mp.jwt.verify.publickey} or a file named by
 * {@code mp.jwt.verify.publickey.location}), so that Cleave's own checks and the container's agree.
 * When the location is an HTTP(S) JWKS URL the key is not known locally and its id is not checked here.
 */
@ApplicationScoped
public class TrustedKey {

  private static final Logger LOG = Logger.getLogger(TrustedKey.class.getName());

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey")
  Optional<String> inlineKey;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  Optional<String> location;

  private RSAPublicKey key;
  private String keyId;

  @PostConstruct
  void load() {
    try {
      if (inlineKey.isPresent() && !inlineKey.get().isBlank()) {
        key = RsaKeys.publicKey(inlineKey.get());
      } else if (location.isPresent() && isLocalFile(location.get())) {
        key = RsaKeys.publicKey(Files.readString(localPath(location.get())));
      }
      keyId = key == null ? null : RsaKeys.thumbprint(key);
    } catch (IOException | IllegalArgumentException e) {
      // MicroProfile JWT refuses every token in this case too; say why once, loudly.
      LOG.log(Level.SEVERE, "Cannot read the token verification key from " + location.orElse("mp.jwt.verify.publickey")
          + ": every bearer token will be refused", e);
    }
  }

  /** The verification key, when it is configured locally (inline or as a file). */
  public Optional<RSAPublicKey> key() {
    return Optional.ofNullable(key);
  }

  /** The key id tokens must name, or {@code null} when the key is not known locally. */
  public String keyId() {
    return keyId;
  }

  private static boolean isLocalFile(String value) {
    return !value.isBlank() && !value.startsWith("http:") && !value.startsWith("https:");
  }

  private static Path localPath(String value) {
    return value.startsWith("file:") ? Path.of(java.net.URI.create(value)) : Path.of(value);
  }
}
