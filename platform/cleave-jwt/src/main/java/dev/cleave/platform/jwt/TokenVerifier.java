package dev.cleave.platform.jwt;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Verifies a compact RS256 token by the rules every Cleave deployable applies, without a container:
 * the gateway runs it at the edge and every deployable's {@code BearerTokenMechanism} runs it for
 * each request.
 *
 * <ul>
 *   <li>header {@code alg} is {@code RS256} and {@code kid} names a trusted key (its RFC 7638
 *       thumbprint); the signature verifies with that key;
 *   <li>{@code iss} is the issuer; {@code aud} (a string or an array) names one of the audiences;
 *   <li>{@code exp} is present and not past, {@code nbf} and {@code iat} are not in the future,
 *       each with at most the clock skew;
 *   <li>{@code sub} is present and {@code upn}, if present, equals it;
 *   <li>a token signed with a service key carries the {@code service} group and nothing else.
 * </ul>
 *
 * Thread-safe; verification allocates a {@link Signature} per call.
 */
public final class TokenVerifier {

  /** What a token must say about where it comes from and for whom. */
  public record Rules(String issuer, Set<String> audiences, Duration clockSkew) {
    public Rules {
      audiences = Set.copyOf(audiences);
      if (clockSkew.isNegative()) {
        throw new IllegalArgumentException("negative clock skew");
      }
    }
  }

  /** A token that passed: who it names, with which groups, signed with which key. */
  public record Verified(
      String subject, Set<String> groups, String keyId, boolean serviceKey, Instant expiresAt) {}

  /** The token is not acceptable; the message says why (for logs, never for the client). */
  public static final class InvalidTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String reason) {
      super(reason);
    }
  }

  private static final JsonProvider JSON = JsonProvider.provider();
  private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

  private final Map<String, RSAPublicKey> keys;
  private final Set<String> serviceKeyIds;
  private final Rules rules;

  /**
   * @param trusted every key tokens may be signed with (user keys and service keys)
   * @param serviceKeys the keys services sign with (a subset of, or in addition to, {@code
   *     trusted})
   */
  public TokenVerifier(
      Collection<RSAPublicKey> trusted, Collection<RSAPublicKey> serviceKeys, Rules rules) {
    this.keys =
        Stream.concat(trusted.stream(), serviceKeys.stream())
            .collect(
                Collectors.toUnmodifiableMap(
                    RsaKeys::thumbprint, Function.identity(), (a, b) -> a));
    this.serviceKeyIds =
        serviceKeys.stream().map(RsaKeys::thumbprint).collect(Collectors.toUnmodifiableSet());
    this.rules = rules;
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no trusted key");
    }
  }

  /** The ids ({@code kid}) of the keys this verifier trusts. */
  public Set<String> keyIds() {
    return keys.keySet();
  }

  /**
   * The token of an RFC 6750 {@code Bearer} credential (scheme case-insensitive; empty when the
   * scheme has no token), or nothing when the header is absent or uses another scheme. The one
   * reading of the header, for the gateway and every deployable.
   */
  public static Optional<String> bearerToken(String authorization) {
    String value = authorization == null ? "" : authorization.strip();
    String scheme = value.split("\\s", 2)[0];
    if (!scheme.equalsIgnoreCase("bearer")) {
      return Optional.empty();
    }
    return Optional.of(value.substring(scheme.length()).strip());
  }

  /**
   * The {@code kid} of a compact token's header, without verifying anything: for choosing a key set
   * and for naming a refused token in a log (with {@link #fingerprint}), never for trusting it.
   */
  public static Optional<String> keyIdOf(String compact) {
    int dot = compact == null ? -1 : compact.indexOf('.');
    if (dot < 1) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(string(json(compact.substring(0, dot), "header"), "kid"));
    } catch (InvalidTokenException e) {
      return Optional.empty();
    }
  }

  /**
   * How a log names a token without quoting it: its key id and the first 12 hex digits of the
   * SHA-256 of the whole text, e.g. {@code kid=Qm9…, sha256=3f2a…}. Enough to match two log lines,
   * useless to replay.
   */
  public static String fingerprint(String compact) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(String.valueOf(compact).getBytes(StandardCharsets.UTF_8));
      return "kid="
          + keyIdOf(compact).map(TokenVerifier::printable).orElse("none")
          + ", sha256="
          + HexFormat.of().formatHex(digest, 0, 6);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  /** A key id as a log may show it: at most 64 characters of the base64url alphabet. */
  private static String printable(String kid) {
    String safe = kid.replaceAll("[^A-Za-z0-9_-]", "?");
    return safe.length() > 64 ? safe.substring(0, 64) + "..." : safe;
  }

  public Verified verify(String compact, Instant now) throws InvalidTokenException {
    String[] parts = compact == null ? new String[0] : compact.split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
      throw new InvalidTokenException("not a compact JWS");
    }
    JsonObject header = json(parts[0], "header");
    if (!"RS256".equals(string(header, "alg"))) {
      throw new InvalidTokenException("algorithm is not RS256");
    }
    String kid = string(header, "kid");
    if (kid == null) {
      throw new InvalidTokenException("no key id");
    }
    RSAPublicKey key = keys.get(kid);
    if (key == null) {
      throw new InvalidTokenException("unknown key id");
    }
    if (!signatureHolds(key, parts)) {
      throw new InvalidTokenException("bad signature");
    }
    JsonObject claims = json(parts[1], "claims");
    if (!rules.issuer().equals(string(claims, "iss"))) {
      throw new InvalidTokenException("wrong issuer");
    }
    if (audiences(claims).stream().noneMatch(rules.audiences()::contains)) {
      throw new InvalidTokenException("wrong audience");
    }
    Instant expires = instant(claims, "exp");
    if (expires == null) {
      throw new InvalidTokenException("no expiry");
    }
    if (now.isAfter(expires.plus(rules.clockSkew()))) {
      throw new InvalidTokenException("expired");
    }
    for (String early : new String[] {"nbf", "iat"}) {
      Instant at = instant(claims, early);
      if (at != null && at.isAfter(now.plus(rules.clockSkew()))) {
        throw new InvalidTokenException(early + " is in the future");
      }
    }
    String subject = string(claims, "sub");
    if (subject == null || subject.isBlank()) {
      throw new InvalidTokenException("no subject");
    }
    if (claims.containsKey("upn") && !subject.equals(string(claims, "upn"))) {
      throw new InvalidTokenException("upn differs from subject");
    }
    Set<String> groups = strings(claims.get("groups"), "groups");
    boolean service = serviceKeyIds.contains(kid);
    if (service && !Set.of("service").equals(groups)) {
      throw new InvalidTokenException("a service key signed a token for groups " + groups);
    }
    return new Verified(subject, groups, kid, service, expires);
  }

  private static boolean signatureHolds(RSAPublicKey key, String[] parts)
      throws InvalidTokenException {
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return verifier.verify(B64URL.decode(parts[2]));
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException("signature is not base64url");
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static JsonObject json(String part, String what) throws InvalidTokenException {
    try (JsonReader reader =
        JSON.createReader(
            new StringReader(new String(B64URL.decode(part), StandardCharsets.UTF_8)))) {
      return reader.readObject();
    } catch (IllegalArgumentException | JsonException | IllegalStateException e) {
      throw new InvalidTokenException(what + " is not a base64url JSON object");
    }
  }

  private static String string(JsonObject object, String name) throws InvalidTokenException {
    JsonValue value = object.get(name);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    throw new InvalidTokenException(name + " is not a string");
  }

  private static Instant instant(JsonObject object, String name) throws InvalidTokenException {
    JsonValue value = object.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonNumber number) {
      return Instant.ofEpochSecond(number.longValue());
    }
    throw new InvalidTokenException(name + " is not a number");
  }

  private static Set<String> audiences(JsonObject claims) throws InvalidTokenException {
    JsonValue aud = claims.get("aud");
    if (aud instanceof JsonString single) {
      return Set.of(single.getString());
    }
    return strings(aud, "aud");
  }

  private static Set<String> strings(JsonValue value, String name) throws InvalidTokenException {
    if (value == null) {
      return Set.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw new InvalidTokenException(name + " is not an array");
    }
    Set<String> strings = new LinkedHashSet<>();
    for (JsonValue element : array) {
      if (!(element instanceof JsonString s)) {
        throw new InvalidTokenException(name + " holds a non-string");
      }
      strings.add(s.getString());
    }
    return Set.copyOf(strings);
  }
}
