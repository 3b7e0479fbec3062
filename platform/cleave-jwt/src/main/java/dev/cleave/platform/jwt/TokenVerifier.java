package dev.cleave.platform.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * Verifies a compact RS256 token by the rules every Cleave deployable applies, without a container:
 * the gateway runs it at the edge and every deployable's {@code BearerTokenMechanism} runs it for
 * each request. The JOSE work (parsing the compact form and its JSON, the RS256 signature, reading
 * typed claims) is jose4j's, the library Liberty's own MicroProfile JWT uses; the rules below are
 * Cleave's, written once, here.
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
 * A header or claims object that names a member twice is refused (jose4j's parser). A verifier may
 * remember the tokens it verified until they expire, so that one presented again costs a digest,
 * not a signature check ({@link VerifiedTokens}). Thread-safe.
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

  private static final AlgorithmConstraints RS256_ONLY =
      new AlgorithmConstraints(
          AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256);

  /**
   * How many verified tokens a deployable remembers by default ({@link VerifiedTokens}): about a
   * megabyte at most; a customer's or a service's token is presented many times before it expires.
   */
  public static final int REMEMBERED_TOKENS = 4096;

  private final Map<String, RSAPublicKey> keys;
  private final Set<String> serviceKeyIds;
  private final Rules rules;
  private final VerifiedTokens verified;

  /** A verifier that remembers no token: every token is verified in full. */
  public TokenVerifier(
      Collection<RSAPublicKey> trusted, Collection<RSAPublicKey> serviceKeys, Rules rules) {
    this(trusted, serviceKeys, rules, 0);
  }

  /**
   * @param trusted every key tokens may be signed with (user keys and service keys)
   * @param serviceKeys the keys services sign with (a subset of, or in addition to, {@code
   *     trusted})
   * @param remembered how many verified tokens to remember until they expire (0: none), so that a
   *     token presented again is not verified again ({@link VerifiedTokens})
   */
  public TokenVerifier(
      Collection<RSAPublicKey> trusted,
      Collection<RSAPublicKey> serviceKeys,
      Rules rules,
      int remembered) {
    this.keys =
        Stream.concat(trusted.stream(), serviceKeys.stream())
            .collect(
                Collectors.toUnmodifiableMap(
                    RsaKeys::thumbprint, Function.identity(), (a, b) -> a));
    this.serviceKeyIds =
        serviceKeys.stream().map(RsaKeys::thumbprint).collect(Collectors.toUnmodifiableSet());
    this.rules = rules;
    this.verified = new VerifiedTokens(remembered, rules.clockSkew());
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
    if (compact == null || compact.indexOf('.') < 1) {
      return Optional.empty();
    }
    try {
      Object kid =
          JsonWebStructure.fromCompactSerialization(compact)
              .getHeaders()
              .getObjectHeaderValue("kid");
      return kid instanceof String text ? Optional.of(text) : Optional.empty();
    } catch (JoseException e) {
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
    String remembered = compact == null ? null : verified.key(compact);
    Verified earlier = verified.find(remembered, now);
    if (earlier != null) {
      return earlier;
    }
    String[] parts = compact == null ? new String[0] : compact.split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
      throw new InvalidTokenException("not a compact JWS");
    }
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmConstraints(RS256_ONLY);
    try {
      jws.setCompactSerialization(compact);
    } catch (JoseException e) {
      throw new InvalidTokenException("header is not a base64url JSON object with unique names");
    }
    if (!"RS256".equals(header(jws, "alg"))) {
      throw new InvalidTokenException("algorithm is not RS256");
    }
    String kid = header(jws, "kid");
    if (kid == null) {
      throw new InvalidTokenException("no key id");
    }
    RSAPublicKey key = keys.get(kid);
    if (key == null) {
      throw new InvalidTokenException("unknown key id");
    }
    jws.setKey(key);
    if (!signatureHolds(jws)) {
      throw new InvalidTokenException("bad signature");
    }
    JwtClaims claims;
    try {
      claims = JwtClaims.parse(jws.getUnverifiedPayload());
    } catch (InvalidJwtException e) {
      throw new InvalidTokenException("claims are not a JSON object with unique names");
    }
    if (!rules.issuer().equals(claim(claims, "iss", JwtClaims::getIssuer, "a string"))) {
      throw new InvalidTokenException("wrong issuer");
    }
    List<String> audiences = claim(claims, "aud", JwtClaims::getAudience, "a string or strings");
    if (audiences == null || audiences.stream().noneMatch(rules.audiences()::contains)) {
      throw new InvalidTokenException("wrong audience");
    }
    NumericDate expires = claim(claims, "exp", JwtClaims::getExpirationTime, "a number");
    if (expires == null) {
      throw new InvalidTokenException("no expiry");
    }
    if (now.isAfter(instant(expires).plus(rules.clockSkew()))) {
      throw new InvalidTokenException("expired");
    }
    Instant notBefore = null;
    for (String early : List.of("nbf", "iat")) {
      NumericDate at = claim(claims, early, c -> c.getNumericDateClaimValue(early), "a number");
      if (at != null && instant(at).isAfter(now.plus(rules.clockSkew()))) {
        throw new InvalidTokenException(early + " is in the future");
      }
      if (at != null && (notBefore == null || instant(at).isAfter(notBefore))) {
        notBefore = instant(at);
      }
    }
    String subject = claim(claims, "sub", JwtClaims::getSubject, "a string");
    if (subject == null || subject.isBlank()) {
      throw new InvalidTokenException("no subject");
    }
    if (claims.getClaimsMap().containsKey("upn") && !subject.equals(claims.getClaimValue("upn"))) {
      throw new InvalidTokenException("upn differs from subject");
    }
    List<String> groupList =
        claim(claims, "groups", c -> c.getStringListClaimValue("groups"), "an array of strings");
    Set<String> groups = groupList == null ? Set.of() : Set.copyOf(groupList);
    boolean service = serviceKeyIds.contains(kid);
    if (service && !Set.of("service").equals(groups)) {
      throw new InvalidTokenException("a service key signed a token for groups " + groups);
    }
    Verified passed = new Verified(subject, groups, kid, service, instant(expires));
    verified.remember(remembered, passed, notBefore, now);
    return passed;
  }

  /** How many verified tokens are remembered now (for tests and metrics). */
  public int rememberedTokens() {
    return verified.size();
  }

  /** Reads a claim by jose4j's rules for its type; a claim of another type refuses the token. */
  private interface ClaimReader<T> {
    T read(JwtClaims claims) throws MalformedClaimException;
  }

  private static <T> T claim(JwtClaims claims, String name, ClaimReader<T> reader, String type)
      throws InvalidTokenException {
    try {
      return reader.read(claims);
    } catch (MalformedClaimException e) {
      throw new InvalidTokenException(name + " is not " + type);
    }
  }

  private static String header(JsonWebSignature jws, String name) throws InvalidTokenException {
    Object value = jws.getHeaders().getObjectHeaderValue(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new InvalidTokenException(name + " is not a string");
  }

  private static boolean signatureHolds(JsonWebSignature jws) {
    try {
      return jws.verifySignature();
    } catch (JoseException e) {
      return false;
    }
  }

  private static Instant instant(NumericDate date) {
    return Instant.ofEpochSecond(date.getValue());
  }
}
