package dev.cleave.platform.security;

import dev.cleave.platform.jwt.RsaKeys;
import dev.cleave.platform.jwt.TokenVerifier;
import dev.cleave.platform.jwt.TokenVerifier.InvalidTokenException;
import dev.cleave.platform.jwt.TokenVerifier.Verified;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys and rules this deployable verifies bearer tokens with, and the verification itself
 * ({@link TokenVerifier}: the same code the gateway runs at the edge). Configured with MicroProfile
 * JWT's own names: {@code mp.jwt.verify.publickey} (PEM or JWK Set text) or {@code
 * mp.jwt.verify.publickey.location} (a file, or an {@code http(s)} URL of a JWK Set such as the
 * user module's {@code /.well-known/jwks.json}), plus {@code cleave.jwt.issuer}, {@code
 * cleave.jwt.audiences} and {@code cleave.jwt.service-keys.location}.
 *
 * <p>A remote key set is read at the first token and read again, at most once a minute, when a
 * token names a key id it does not hold (the issuer rotated its key).
 */
@ApplicationScoped
public class TrustedKey {

  private static final Logger LOG = Logger.getLogger(TrustedKey.class.getName());
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
  private static final Duration REMOTE_REFRESH = Duration.ofMinutes(1);

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey")
  Optional<String> inlineKey;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  Optional<String> location;

  /**
   * {@code cleave.jwt.service-keys.location}: PEM blocks or a JWKS of the keys that services sign
   * with.
   */
  @Inject
  @ConfigProperty(name = "cleave.jwt.service-keys.location")
  Optional<String> serviceKeysLocation;

  @Inject
  @ConfigProperty(name = "cleave.jwt.issuer", defaultValue = "https://cleave.dev/user")
  String issuer;

  @Inject
  @ConfigProperty(name = "cleave.jwt.audiences", defaultValue = "cleave")
  Set<String> audiences;

  /**
   * {@code cleave.jwt.remembered-tokens}: how many verified tokens to remember until they expire,
   * so that a token presented again is not verified again (0: none; {@link TokenVerifier}).
   */
  @Inject
  @ConfigProperty(
      name = "cleave.jwt.remembered-tokens",
      defaultValue = "" + TokenVerifier.REMEMBERED_TOKENS)
  int rememberedTokens;

  @Inject Clock clock;

  private Set<String> keyIds = Set.of();
  private List<RSAPublicKey> serviceKeys = List.of();
  private Set<String> serviceKeyIds = Set.of();

  /** Whether the keys come from an {@code http(s)} JWK Set (decided once, at start). */
  private boolean remote;

  private volatile TokenVerifier verifier;
  private volatile Instant remoteReadAt = Instant.MIN;

  @PostConstruct
  void load() {
    if (rememberedTokens < 0) {
      throw new IllegalStateException(
          "cleave.jwt.remembered-tokens (CLEAVE_JWT_REMEMBERED_TOKENS) must be 0 or more, not "
              + rememberedTokens);
    }
    if (serviceKeysLocation.isPresent() && !serviceKeysLocation.get().isBlank()) {
      try {
        serviceKeys = RsaKeys.publicKeys(Files.readString(localPath(serviceKeysLocation.get())));
        serviceKeyIds = ids(serviceKeys);
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalStateException(
            "Cannot read the service keys from " + serviceKeysLocation.get(), e);
      }
    }
    try {
      List<RSAPublicKey> keys = List.of();
      if (inlineKey.isPresent() && !inlineKey.get().isBlank()) {
        keys = RsaKeys.publicKeys(inlineKey.get());
      } else if (location.isPresent() && isLocalFile(location.get())) {
        keys = RsaKeys.publicKeys(Files.readString(localPath(location.get())));
      } else {
        remote = location.isPresent() && !location.get().isBlank();
      }
      keyIds = ids(keys);
      if (!keys.isEmpty()) {
        verifier = verifier(keys);
      }
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(
          Level.SEVERE,
          "Cannot read the token verification key from "
              + location.orElse("mp.jwt.verify.publickey")
              + ": every bearer token will be refused",
          e);
    }
    if (!keyIds.isEmpty() && !keyIds.containsAll(serviceKeyIds)) {
      LOG.severe(
          () ->
              "Service keys "
                  + serviceKeyIds
                  + " are not all among the verification keys "
                  + keyIds
                  + " (mp.jwt.verify.publickey.location): their tokens will be refused");
    }
  }

  /**
   * The key ids tokens may name (RFC 7638 thumbprints of the verification keys), or an empty set
   * when the keys are not known locally (a remote JWKS).
   */
  public Set<String> keyIds() {
    return keyIds;
  }

  /**
   * The ids of keys that belong to services: their tokens may carry the {@code service} role only.
   */
  public Set<String> serviceKeyIds() {
    return serviceKeyIds;
  }

  /**
   * Verifies a compact token by Cleave's rules (signature with a trusted key, issuer, audience,
   * expiry and {@code nbf}/{@code iat} with 60 s of skew, subject present, {@code upn} equal to it,
   * service keys for the {@code service} group only).
   *
   * @throws InvalidTokenException with a reason that never quotes the token
   */
  public Verified verify(String token) throws InvalidTokenException {
    TokenVerifier current = verifier;
    if (current == null
        || (remote && !current.keyIds().contains(TokenVerifier.keyIdOf(token).orElse("")))) {
      current = readRemote(current);
    }
    if (current == null) {
      throw new InvalidTokenException("no verification key");
    }
    return current.verify(token, clock.instant());
  }

  /**
   * Reads the remote key set, at most once per {@link #REMOTE_REFRESH}; keeps the old keys if it
   * fails.
   */
  private synchronized TokenVerifier readRemote(TokenVerifier seen) {
    if (!remote
        || verifier != seen
        || clock.instant().isBefore(remoteReadAt.plus(REMOTE_REFRESH))) {
      return verifier;
    }
    remoteReadAt = clock.instant();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(location.get()))
                  .timeout(Duration.ofSeconds(5))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("status " + response.statusCode());
      }
      List<RSAPublicKey> keys = RsaKeys.publicKeys(response.body());
      verifier = keys.isEmpty() ? verifier : verifier(keys);
      LOG.info(() -> "Read " + keys.size() + " token verification keys from " + location.get());
    } catch (IOException | IllegalArgumentException e) {
      LOG.warning(
          () ->
              "Cannot read the token verification keys from "
                  + location.get()
                  + ": "
                  + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return verifier;
  }

  private TokenVerifier verifier(List<RSAPublicKey> keys) {
    Set<String> trusted = ids(keys);
    // A service key is trusted only when it is also a verification key, as MicroProfile JWT would
    // have it.
    List<RSAPublicKey> services =
        serviceKeys.stream().filter(k -> trusted.contains(RsaKeys.thumbprint(k))).toList();
    return new TokenVerifier(
        keys,
        services,
        new TokenVerifier.Rules(
            issuer,
            audiences.stream().map(String::strip).collect(Collectors.toUnmodifiableSet()),
            CLOCK_SKEW),
        rememberedTokens);
  }

  private static Set<String> ids(List<RSAPublicKey> keys) {
    return keys.stream().map(RsaKeys::thumbprint).collect(Collectors.toUnmodifiableSet());
  }

  private static boolean isLocalFile(String value) {
    return !value.isBlank() && !value.startsWith("http:") && !value.startsWith("https:");
  }

  private static Path localPath(String value) {
    return value.startsWith("file:") ? Path.of(URI.create(value)) : Path.of(value);
  }
}
