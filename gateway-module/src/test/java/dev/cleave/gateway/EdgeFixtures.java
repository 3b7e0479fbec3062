package dev.cleave.gateway;

import dev.cleave.platform.jwt.Rs256Signer;
import dev.cleave.platform.jwt.TokenVerifier;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the edge steps' tests share: a token key, the edge's token rules, a route table. */
final class EdgeFixtures {

  private static final KeyPair USER = pair();

  /** Products anonymous to read, everything else needs a token. */
  static final EdgeAuthentication AUTHENTICATION =
      new EdgeAuthentication(
          new TokenVerifier(
              List.of((RSAPublicKey) USER.getPublic()),
              List.of(),
              new TokenVerifier.Rules(
                  "https://cleave.dev/user", Set.of("cleave"), Duration.ofSeconds(60))),
          AnonymousRoutes.parse("GET /api/v1/products/**"));

  static final RouteTable ROUTES =
      RouteTable.parse(
          "/api/v1/products=product,/api/v1/orders=order",
          Map.of(
              "product", List.of(URI.create("http://127.0.0.1:1")),
              "order", List.of(URI.create("http://127.0.0.1:2"))),
          Optional.empty());

  private EdgeFixtures() {}

  /** A valid customer token for {@code subject}, good for five minutes. */
  static String bearer(String subject) {
    Instant now = Instant.now();
    return "Bearer "
        + new Rs256Signer((RSAPrivateCrtKey) USER.getPrivate())
            .sign(
                "{\"iss\":\"https://cleave.dev/user\",\"aud\":\"cleave\",\"sub\":\""
                    + subject
                    + "\",\"groups\":[\"customer\"],\"iat\":"
                    + now.minusSeconds(5).getEpochSecond()
                    + ",\"exp\":"
                    + now.plusSeconds(300).getEpochSecond()
                    + "}");
  }

  /** The request on its way through the steps, routed as the route table says. */
  static EdgeExchange exchange(FakeHttp.Request request, FakeHttp.Response response) {
    EdgeExchange exchange =
        new EdgeExchange(request.servlet(), response.servlet(), Set.of(), AUTHENTICATION);
    ROUTES.match(exchange.path()).ifPresent(exchange::routeTo);
    return exchange;
  }

  /**
   * A gateway with no rate limit, CORS or IP list: only the routes, the cache, the transforms and
   * the releases given.
   */
  static GatewayConfig plain(
      RouteTable routes, ResponseCache cache, RouteTransforms transforms, Releases releases) {
    return config(
        routes,
        RateLimits.parse("off", "", System::nanoTime),
        new CorsPolicy(List.of(), List.of(), List.of(), Duration.ZERO),
        cache,
        IpRules.parse("", "", ""),
        transforms,
        releases);
  }

  /**
   * A gateway configuration with the fixtures' token rules, no trusted proxy, 1 s upstream and
   * aggregation timeouts, 1 KiB bodies and 4 KiB header sections, and the duties given.
   */
  static GatewayConfig config(
      RouteTable routes,
      RateLimits rateLimits,
      CorsPolicy cors,
      ResponseCache cache,
      IpRules ipRules,
      RouteTransforms transforms,
      Releases releases) {
    return new GatewayConfig(
        routes,
        Set.of(),
        Duration.ofSeconds(1),
        1024,
        4096,
        AUTHENTICATION,
        rateLimits,
        cors,
        cache,
        ipRules,
        transforms,
        releases,
        3,
        Duration.ofSeconds(10),
        Duration.ofSeconds(5),
        Duration.ofSeconds(1));
  }

  private static KeyPair pair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
