package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.platform.jwt.Rs256Signer;
import dev.cleave.platform.jwt.TokenVerifier;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EdgeAuthenticationTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final KeyPair USER = pair();
  private static final KeyPair SERVICE = pair();
  private static final EdgeAuthentication EDGE =
      new EdgeAuthentication(
          new TokenVerifier(
              List.of((RSAPublicKey) USER.getPublic()),
              List.of((RSAPublicKey) SERVICE.getPublic()),
              new TokenVerifier.Rules(
                  "https://cleave.dev/user", Set.of("cleave"), Duration.ofSeconds(60))),
          AnonymousRoutes.parse("GET /api/v1/products/**, POST /api/v1/users, /api/v1/auth/login"));

  private static KeyPair pair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String token(KeyPair pair, String subject, String group, Instant expires) {
    return new Rs256Signer((RSAPrivateCrtKey) pair.getPrivate())
        .sign(
            "{\"iss\":\"https://cleave.dev/user\","
                + "\"aud\":\"cleave\",\"sub\":\""
                + subject
                + "\",\"groups\":[\""
                + group
                + "\"],\"iat\":"
                + NOW.minusSeconds(5).getEpochSecond()
                + ",\"exp\":"
                + expires.getEpochSecond()
                + "}");
  }

  private static final String CUSTOMER = token(USER, "c-1", "customer", NOW.plusSeconds(300));

  private static EdgeAuthentication.Decision decide(
      String method, String path, String... authorization) {
    return EDGE.decide(method, path, List.of(authorization), NOW);
  }

  @Test
  void anonymousRoutesPassWithoutAToken() {
    assertThat(decide("GET", "/api/v1/products").passes()).isTrue();
    assertThat(decide("GET", "/api/v1/products/7").passes()).isTrue();
    assertThat(decide("HEAD", "/api/v1/products/7").passes()).isTrue();
    assertThat(decide("POST", "/api/v1/users").passes()).isTrue();
    assertThat(decide("GET", "/api/v1/products", "Basic dXNlcjpwdw==").passes()).isTrue();
    // An entry without a method admits every method: the service answers 405 or 401 itself.
    assertThat(decide("GET", "/api/v1/auth/login").passes()).isTrue();
    assertThat(decide("GET", "/api/v1/auth/login/x").passes()).isFalse();
  }

  @Test
  void everythingElseNeedsAValidToken() {
    for (String[] request :
        new String[][] {
          {"POST", "/api/v1/products"},
          {"PUT", "/api/v1/products/7/stock"},
          {"GET", "/api/v1/users/me"},
          {"POST", "/api/v1/users/x"},
          {"GET", "/api/v1/productsX"},
          {"GET", "/api/v1/cart"}
        }) {
      EdgeAuthentication.Decision refused = decide(request[0], request[1]);
      assertThat(refused.passes()).as("%s %s", request[0], request[1]).isFalse();
      assertThat(refused.tokenPresented()).isFalse();
    }
    assertThat(decide("GET", "/api/v1/cart", "Basic dXNlcjpwdw==").reason())
        .isEqualTo("not a bearer token");
    EdgeAuthentication.Decision passed = decide("GET", "/api/v1/cart", "Bearer " + CUSTOMER);
    assertThat(passed.passes()).isTrue();
    assertThat(passed.subject()).contains("c-1");
    assertThat(decide("GET", "/api/v1/cart", "bearer  " + CUSTOMER).passes()).isTrue();
  }

  @Test
  void aPresentedTokenMustBeValidEvenOnAnAnonymousRoute() {
    String expired = token(USER, "c-1", "customer", NOW.minusSeconds(120));
    EdgeAuthentication.Decision refused = decide("GET", "/api/v1/products", "Bearer " + expired);
    assertThat(refused.passes()).isFalse();
    assertThat(refused.tokenPresented()).isTrue();
    assertThat(refused.reason()).isEqualTo("expired");
    assertThat(decide("GET", "/api/v1/products", "Bearer ").reason())
        .isEqualTo("empty bearer token");
    assertThat(decide("GET", "/api/v1/products", "Bearer not.a.token").passes()).isFalse();
    assertThat(decide("GET", "/api/v1/cart", "Bearer " + CUSTOMER, "Bearer " + CUSTOMER).reason())
        .isEqualTo("more than one Authorization header");
  }

  @Test
  void serviceTokensAreRefusedAtThePublicDoor() {
    String service = token(SERVICE, "order-service", "service", NOW.plusSeconds(120));
    assertThat(decide("GET", "/api/v1/products", "Bearer " + service).reason())
        .isEqualTo("a service token at the public door");
  }

  @Test
  void theAnonymousListIsCheckedAtStart() {
    assertThatThrownBy(() -> AnonymousRoutes.parse("api/v1/products"))
        .hasMessageContaining("METHOD /path");
    assertThatThrownBy(() -> AnonymousRoutes.parse("GET /a /b"))
        .hasMessageContaining("METHOD /path");
    assertThatThrownBy(() -> AnonymousRoutes.parse("GET /internal/**"))
        .hasMessageContaining("not a public path");
    assertThatThrownBy(() -> AnonymousRoutes.parse("GET /api/*/x"))
        .hasMessageContaining("METHOD /path")
        .hasRootCauseMessage("'/api/*/x': only a trailing /** may stand for what is below a path");
    assertThat(AnonymousRoutes.parse(" , GET /a/** ,").admits("GET", "/a/b")).isTrue();
  }
}
