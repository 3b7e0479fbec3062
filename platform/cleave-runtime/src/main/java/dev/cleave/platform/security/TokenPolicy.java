package dev.cleave.platform.security;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What Cleave requires of a token beyond what MicroProfile JWT checks (signature with RS256, issuer,
 * audience, expiry and {@code nbf} with at most 60 s of skew). Liberty accepts a correctly signed
 * token that names a foreign key id, or that has a {@code upn} but no subject; Cleave does not:
 * every business rule keys on the subject, and a key id that is not ours means a token minted for
 * another key set.
 */
public final class TokenPolicy {

  private TokenPolicy() {
  }

  /**
   * Why the token is unacceptable, or empty when it is fine.
   *
   * @param token a token that MicroProfile JWT has verified
   * @param trustedKeyIds the key ids tokens may name; empty when they are not known locally (the
   *     verification keys come from a remote JWKS, whose key selection checks the id itself)
   * @param serviceKeyIds the ids of keys that services sign with: such a token may carry the
   *     {@code service} group and nothing else, so a service key can never mint a customer or an
   *     administrator
   */
  public static Optional<String> violation(JsonWebToken token, java.util.Set<String> trustedKeyIds,
      java.util.Set<String> serviceKeyIds) {
    String subject = token.getSubject();
    if (subject == null || subject.isBlank()) {
      return Optional.of("no subject");
    }
    Object upn = token.getClaim("upn");
    if (upn != null && !subject.equals(upn instanceof JsonString s ? s.getString() : upn.toString())) {
      return Optional.of("upn differs from subject");
    }
    String kid = keyId(token.getRawToken()).orElse(null);
    // Immutable sets throw on contains(null): test for a missing kid first.
    if (!trustedKeyIds.isEmpty() && (kid == null || !trustedKeyIds.contains(kid))) {
      return Optional.of(kid == null ? "no key id" : "unknown key id");
    }
    if (kid != null && serviceKeyIds.contains(kid) && !java.util.Set.of("service").equals(token.getGroups())) {
      return Optional.of("a service key signed a token for groups " + token.getGroups());
    }
    return Optional.empty();
  }

  /** Looked up once: {@code Json.createReader} runs a service lookup on every call. */
  private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

  /** The {@code kid} of a compact JWS's protected header. */
  static Optional<String> keyId(String compact) {
    if (compact == null || compact.indexOf('.') < 1) {
      return Optional.empty();
    }
    try {
      String header = new String(Base64.getUrlDecoder().decode(compact.substring(0, compact.indexOf('.'))),
          StandardCharsets.UTF_8);
      try (JsonReader reader = JSON.createReader(new StringReader(header))) {
        JsonObject object = reader.readObject();
        JsonValue kid = object.get("kid");
        return kid instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
