package dev.cleave.platform.remote;

import dev.cleave.platform.jwt.Rs256Signer;
import dev.cleave.platform.jwt.RsaKeys;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who this service is when it calls another Cleave service (ADR 9): a short-lived token signed with
 * the service's own key, {@code sub} = {@code upn} = the service's name, the single group {@code
 * service}, the issuer and audience every service verifies. The receiving service trusts the key as
 * a <em>service key</em> ({@code CLEAVE_JWT_SERVICE_KEYS_LOCATION}), so the key can never mint a
 * customer or an administrator.
 *
 * <p>A token lives {@link #LIFETIME} and is renewed at half-life, so a call never presents a token
 * that expires in flight and signing (about a millisecond) happens once a minute, not once a call.
 */
public final class ServiceIdentity {

  /** How long a service token is valid. */
  public static final Duration LIFETIME = Duration.ofMinutes(2);

  private final String name;
  private final String issuer;
  private final String audience;
  private final Rs256Signer signer;
  private final Clock clock;
  private Issued current;

  private record Issued(String token, Instant renewAt) {}

  public ServiceIdentity(
      String name, String issuer, String audience, Rs256Signer signer, Clock clock) {
    if (name == null || !name.matches("[a-z][a-z0-9-]{0,62}")) {
      throw new IllegalArgumentException(
          "a service name is lower-case letters, digits and dashes: " + name);
    }
    this.name = name;
    this.issuer = issuer;
    this.audience = audience;
    this.signer = signer;
    this.clock = clock;
  }

  /**
   * The identity configured by {@code cleave.service.name} and {@code cleave.service.private.key}
   * (PKCS #8 PEM text) or {@code cleave.service.private.key.location} (a file).
   *
   * @throws IllegalStateException when no key is configured: a deployable with a remote binding
   *     cannot work without one, so it must not start
   */
  public static ServiceIdentity configured(
      Optional<String> name,
      Optional<String> pem,
      Optional<String> location,
      String issuer,
      String audience) {
    String serviceName =
        name.filter(n -> !n.isBlank())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "This deployable calls another service but has no name: set"
                            + " CLEAVE_SERVICE_NAME (e.g. order-service)"));
    String keyText =
        pem.filter(p -> !p.isBlank())
            .orElseGet(
                () ->
                    location
                        .filter(l -> !l.isBlank())
                        .map(ServiceIdentity::read)
                        .orElseThrow(
                            () ->
                                new IllegalStateException(
                                    "Service "
                                        + serviceName
                                        + " calls other services but has no key: set"
                                        + " CLEAVE_SERVICE_PRIVATE_KEY_LOCATION (a PKCS #8 PEM"
                                        + " file) or CLEAVE_SERVICE_PRIVATE_KEY; the split launcher"
                                        + " generates development keys")));
    return new ServiceIdentity(
        serviceName,
        issuer,
        audience,
        new Rs256Signer(RsaKeys.privateKey(keyText)),
        Clock.systemUTC());
  }

  private static String read(String location) {
    try {
      return Files.readString(Path.of(location));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the service key from " + location, e);
    }
  }

  public String name() {
    return name;
  }

  /** The key id the receiving services must list among their service keys. */
  public String keyId() {
    return signer.keyId();
  }

  /** A valid token for this service, renewed when half its life has passed. */
  public synchronized String token() {
    Instant now = clock.instant();
    if (current == null || !now.isBefore(current.renewAt())) {
      String claims =
          Json.createObjectBuilder()
              .add("iss", issuer)
              .add("aud", audience)
              .add("sub", name)
              .add("upn", name)
              .add("groups", Json.createArrayBuilder().add("service"))
              .add("iat", now.getEpochSecond())
              .add("exp", now.plus(LIFETIME).getEpochSecond())
              .add("jti", UUID.randomUUID().toString())
              .build()
              .toString();
      current = new Issued(signer.sign(claims), now.plus(LIFETIME.dividedBy(2)));
    }
    return current.token();
  }
}
