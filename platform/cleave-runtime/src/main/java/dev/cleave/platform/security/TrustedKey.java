package dev.cleave.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

  /** {@code cleave.jwt.service-keys.location}: PEM blocks or a JWKS of the keys that services sign with. */
  @Inject
  @ConfigProperty(name = "cleave.jwt.service-keys.location")
  Optional<String> serviceKeysLocation;

  private Set<String> keyIds = Set.of();
  private Set<String> serviceKeyIds = Set.of();

  @PostConstruct
  void load() {
    try {
      List<RSAPublicKey> keys = List.of();
      if (inlineKey.isPresent() && !inlineKey.get().isBlank()) {
        keys = RsaKeys.publicKeys(inlineKey.get());
      } else if (location.isPresent() && isLocalFile(location.get())) {
        keys = RsaKeys.publicKeys(Files.readString(localPath(location.get())));
      }
      keyIds = ids(keys);
    } catch (IOException | IllegalArgumentException e) {
      // MicroProfile JWT refuses every token in this case too; say why once, loudly.
      LOG.log(Level.SEVERE, "Cannot read the token verification key from " + location.orElse("mp.jwt.verify.publickey")
          + ": every bearer token will be refused", e);
    }
    if (serviceKeysLocation.isPresent() && !serviceKeysLocation.get().isBlank()) {
      try {
        serviceKeyIds = ids(RsaKeys.publicKeys(Files.readString(localPath(serviceKeysLocation.get()))));
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalStateException("Cannot read the service keys from " + serviceKeysLocation.get(), e);
      }
      if (!keyIds.isEmpty() && !keyIds.containsAll(serviceKeyIds)) {
        LOG.severe(() -> "Service keys " + serviceKeyIds + " are not all among the verification keys " + keyIds
            + " (mp.jwt.verify.publickey.location): their tokens will be refused");
      }
    }
  }

  /**
   * The key ids tokens may name (RFC 7638 thumbprints of the verification keys), or an empty set when
   * the keys are not known locally (a remote JWKS, whose key selection checks the id itself).
   */
  public Set<String> keyIds() {
    return keyIds;
  }

  /** The ids of keys that belong to services: their tokens may carry the {@code service} role only. */
  public Set<String> serviceKeyIds() {
    return serviceKeyIds;
  }

  private static Set<String> ids(List<RSAPublicKey> keys) {
    return keys.stream().map(RsaKeys::thumbprint).collect(Collectors.toUnmodifiableSet());
  }

  private static boolean isLocalFile(String value) {
    return !value.isBlank() && !value.startsWith("http:") && !value.startsWith("https:");
  }

  private static Path localPath(String value) {
    return value.startsWith("file:") ? Path.of(java.net.URI.create(value)) : Path.of(value);
  }
}
