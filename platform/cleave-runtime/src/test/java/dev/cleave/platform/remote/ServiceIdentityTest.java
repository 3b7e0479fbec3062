package dev.cleave.platform.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.platform.jwt.Rs256Signer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceIdentityTest {

  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  private final RSAPrivateCrtKey key = newKey();
  private final MutableClock clock = new MutableClock(T0);
  private final ServiceIdentity identity =
      new ServiceIdentity(
          "order-service", "https://cleave.dev/user", "cleave", new Rs256Signer(key), clock);

  @Test
  void signsAServiceTokenThatCarriesTheServiceRoleOnly() throws Exception {
    String token = identity.token();
    String[] parts = token.split("\\.");
    JsonObject header = json(parts[0]);
    JsonObject claims = json(parts[1]);
    assertThat(header.getString("alg")).isEqualTo("RS256");
    assertThat(header.getString("kid")).isEqualTo(identity.keyId());
    assertThat(claims.getString("iss")).isEqualTo("https://cleave.dev/user");
    assertThat(claims.getString("aud")).isEqualTo("cleave");
    assertThat(claims.getString("sub")).isEqualTo("order-service");
    assertThat(claims.getString("upn")).isEqualTo("order-service");
    assertThat(claims.getJsonArray("groups").getString(0)).isEqualTo("service");
    assertThat(claims.getJsonArray("groups")).hasSize(1);
    assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue())
        .isEqualTo(ServiceIdentity.LIFETIME.toSeconds());

    Signature verify = Signature.getInstance("SHA256withRSA");
    verify.initVerify(new Rs256Signer(key).publicKey());
    verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verify.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
  }

  @Test
  void reusesItsTokenUntilHalfItsLifeHasPassed() {
    String first = identity.token();
    clock.now = T0.plus(ServiceIdentity.LIFETIME.dividedBy(2)).minusSeconds(1);
    assertThat(identity.token()).isSameAs(first);
    clock.now = T0.plus(ServiceIdentity.LIFETIME.dividedBy(2));
    String renewed = identity.token();
    assertThat(renewed).isNotEqualTo(first);
    assertThat(json(renewed.split("\\.")[1]).getJsonNumber("iat").longValue())
        .isEqualTo(clock.now.getEpochSecond());
  }

  @Test
  void refusesToRunWithoutANameOrAKey() {
    assertThatThrownBy(
            () ->
                ServiceIdentity.configured(
                    Optional.empty(), Optional.empty(), Optional.empty(), "i", "a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CLEAVE_SERVICE_NAME");
    assertThatThrownBy(
            () ->
                ServiceIdentity.configured(
                    Optional.of("order-service"), Optional.empty(), Optional.of(" "), "i", "a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CLEAVE_SERVICE_PRIVATE_KEY_LOCATION");
    assertThatThrownBy(
            () -> new ServiceIdentity("Order Service", "i", "a", new Rs256Signer(key), clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static JsonObject json(String part) {
    String text = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static RSAPrivateCrtKey newKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
