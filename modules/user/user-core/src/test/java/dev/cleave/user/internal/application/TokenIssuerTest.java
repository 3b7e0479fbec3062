package dev.cleave.user.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.platform.jwt.RsaKeys;
import dev.cleave.user.internal.domain.Role;
import dev.cleave.user.internal.domain.User;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void signsRs256TokensThatTheMatchingPublicKeyVerifies() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    UserConfig config = new UserConfig();
    config.issuer = "https://cleave.dev/user";
    config.audiences = List.of("cleave", "other");
    config.accessTokenTtl = Duration.ofMinutes(15);
    TokenIssuer issuer = TokenIssuer.withKey(config, key);

    User user =
        new User(
            UUID.randomUUID(), "ada@example.com", "Ada", "hash", Clock.fixed(NOW, ZoneOffset.UTC));
    user.grant(Role.ADMIN, Clock.fixed(NOW, ZoneOffset.UTC));
    String token = issuer.accessToken(user, NOW);

    String[] parts = token.split("\\.");
    assertThat(parts).hasSize(3);
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(RsaKeys.publicKeyOf(key));
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

    JsonObject header = json(parts[0]);
    assertThat(header.getString("alg")).isEqualTo("RS256");
    assertThat(header.getString("kid"))
        .isEqualTo(RsaKeys.thumbprint(RsaKeys.publicKeyOf(key)))
        .isEqualTo(issuer.keyId());
    JsonObject claims = json(parts[1]);
    assertThat(claims.getString("iss")).isEqualTo("https://cleave.dev/user");
    assertThat(claims.getString("aud")).isEqualTo("cleave");
    assertThat(claims.getString("sub"))
        .isEqualTo(user.id().toString())
        .isEqualTo(claims.getString("upn"));
    assertThat(claims.getJsonArray("groups").getValuesAs(JsonString::getString))
        .containsExactly("admin", "customer");
    assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue())
        .isEqualTo(900);
    assertThat(claims.getString("jti")).isNotBlank();
    assertThat(claims.toString()).doesNotContain("ada@example.com");
  }

  private static JsonObject json(String part) {
    return Json.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))
        .readObject();
  }
}
