package dev.cleave.user.internal.rest;

import dev.cleave.platform.jwt.RsaKeys;
import dev.cleave.user.internal.application.TokenIssuer;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public key that verifies Cleave's access tokens, as a JWK Set (RFC 7517). Services and
 * gateways that do not share a key file can point {@code mp.jwt.verify.publickey.location} here.
 */
@Path("/.well-known/jwks.json")
@RequestScoped
@Tag(name = "Authentication")
public class JwksResource {

  static final String JWK_SET = "application/jwk-set+json";

  @Inject TokenIssuer issuer;

  @GET
  @PermitAll
  @Produces({JWK_SET, "application/json"})
  @Operation(summary = "The token verification key (JWK Set)")
  public Response keys() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(Map.of("keys", List.of(RsaKeys.jwk(issuer.publicKey()))))
        .cacheControl(cache)
        .build();
  }
}
