package dev.cleave.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class TokenPolicyTest {

  /** A verified token as MicroProfile JWT hands it over: raw form (for the header), subject, upn, groups. */
  private static JsonWebToken token(String kid, String subject, Set<String> groups) {
    String header = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
    Map<String, Object> claims = Map.of("raw_token", header + ".e30.sig", "sub", subject, "upn", subject,
        "groups", groups);
    return new JsonWebToken() {
      @Override
      public String getName() {
        return subject;
      }

      @Override
      public Set<String> getClaimNames() {
        return claims.keySet();
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T> T getClaim(String name) {
        return (T) claims.get(name);
      }
    };
  }

  @Test
  void aServiceKeyMaySignServiceTokensOnly() {
    Set<String> trusted = Set.of("user-key", "order-service-key");
    Set<String> services = Set.of("order-service-key");
    assertThat(TokenPolicy.violation(token("order-service-key", "order-service", Set.of("service")), trusted, services))
        .isEmpty();
    assertThat(TokenPolicy.violation(token("order-service-key", "u1", Set.of("admin")), trusted, services)).isPresent();
    assertThat(TokenPolicy.violation(token("order-service-key", "u1", Set.of("customer")), trusted, services)).isPresent();
    assertThat(TokenPolicy.violation(token("order-service-key", "s", Set.of("service", "admin")), trusted, services))
        .isPresent();
    assertThat(TokenPolicy.violation(token("user-key", "u1", Set.of("admin")), trusted, services)).isEmpty();
  }

  @Test
  void aTokenWithoutKeyIdIsRefusedWhenTheKeysAreKnown() {
    String header = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
    Map<String, Object> claims = Map.of("raw_token", header + ".e30.sig", "sub", "u1", "upn", "u1",
        "groups", Set.of("customer"));
    JsonWebToken noKid = new JsonWebToken() {
      @Override
      public String getName() {
        return "u1";
      }

      @Override
      public Set<String> getClaimNames() {
        return claims.keySet();
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T> T getClaim(String name) {
        return (T) claims.get(name);
      }
    };
    assertThat(TokenPolicy.violation(noKid, Set.of("user-key"), Set.of("service-key"))).contains("no key id");
  }

  @Test
  void aKeyOutsideTheTrustedSetIsRefused() {
    assertThat(TokenPolicy.violation(token("stranger", "u1", Set.of("customer")), Set.of("user-key"), Set.of()))
        .contains("unknown key id");
    assertThat(TokenPolicy.violation(token("stranger", "u1", Set.of("customer")), Set.of(), Set.of()))
        .as("keys not known locally: the remote JWKS selection checks the id").isEmpty();
  }

  @Test
  void readsTheKeyIdFromATokenHeader() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k-1\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(TokenPolicy.keyId(header + ".e30.sig")).contains("k-1");
    assertThat(TokenPolicy.keyId(b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + ".e30.x"))
        .isEmpty();
    assertThat(TokenPolicy.keyId("!!!.e30.x")).isEmpty();
    assertThat(TokenPolicy.keyId(null)).isEmpty();
  }
}
