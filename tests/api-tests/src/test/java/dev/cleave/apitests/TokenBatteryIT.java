package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Problems;
import dev.cleave.apitests.support.TestTokens;
import dev.cleave.launcher.DevKeys;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forged, stale and misdirected tokens are refused with 401. Each forgery is a known-good token
 * (which gets 200) changed in exactly one way, so every row shows that this one defect alone is
 * refused.
 */
@ApiTest
class TokenBatteryIT {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static Account ada;

  @BeforeAll
  static void anAccount() {
    ada = Accounts.newCustomer("battery");
  }

  private static String kid() {
    return CleaveSystem.tokens().keyId();
  }

  private static PrivateKey key() {
    return CleaveSystem.tokens().signingKey();
  }

  /** Claims of a good token for ada, with {@code extra} appended and {@code without} left out. */
  private static String claims(String extra, String... without) {
    long now = Instant.now().getEpochSecond();
    StringBuilder json = new StringBuilder("{");
    Map<String, String> members = new LinkedHashMap<>();
    members.put("iss", "\"" + TestTokens.ISSUER + "\"");
    members.put("aud", "\"" + TestTokens.AUDIENCE + "\"");
    members.put("sub", "\"" + ada.id() + "\"");
    members.put("upn", "\"" + ada.id() + "\"");
    members.put("groups", "[\"customer\"]");
    members.put("jti", "\"" + UUID.randomUUID() + "\"");
    members.put("iat", Long.toString(now - 5));
    members.put("exp", Long.toString(now + 300));
    for (String name : without) {
      members.remove(name);
    }
    members.forEach(
        (name, value) -> json.append('"').append(name).append("\":").append(value).append(','));
    json.append(extra == null ? "" : extra);
    if (json.charAt(json.length() - 1) == ',') {
      json.setLength(json.length() - 1);
    }
    return json.append('}').toString();
  }

  private static String good() {
    return TestTokens.sign(key(), TestTokens.header(kid()), claims(null));
  }

  private static String withClaims(String claims) {
    return TestTokens.sign(key(), TestTokens.header(kid()), claims);
  }

  private static String encode(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static Response me(String token) {
    return given().auth().oauth2(token).get("/api/v1/users/me");
  }

  @Test
  void theUnforgedTokenIsAccepted() {
    Response response = me(good());
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    assertThat(response.jsonPath().getString("id")).isEqualTo(ada.id());
  }

  /** Runs after {@link #anAccount()}: JUnit asks for the arguments when the test runs. */
  static Stream<Arguments> forgeries() throws Exception {
    long now = Instant.now().getEpochSecond();
    String good = good();
    String[] parts = good.split("\\.");

    String none = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    String noneNoDot = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1];

    // HS256 "signed" with the RSA public key as the HMAC secret: the classic key-confusion attack.
    String publicPem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8))
                .encodeToString(
                    KeyFactory.getInstance("RSA")
                        .generatePublic(
                            new RSAPublicKeySpec(
                                ((RSAPrivateCrtKey) key()).getModulus(),
                                ((RSAPrivateCrtKey) key()).getPublicExponent()))
                        .getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    String hsInput =
        encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid() + "\"}") + "." + parts[1];
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(publicPem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
    String hs256 =
        hsInput
            + "."
            + B64.encodeToString(hmac.doFinal(hsInput.getBytes(StandardCharsets.US_ASCII)));

    String stranger =
        TestTokens.sign(DevKeys.generate().getPrivate(), TestTokens.header(kid()), claims(null));
    String wrongKid = TestTokens.sign(key(), TestTokens.header("not-our-key"), claims(null));
    String noKid = TestTokens.sign(key(), "{\"alg\":\"RS256\",\"typ\":\"JWT\"}", claims(null));

    String tamperedClaims = claims(null).replace("[\"customer\"]", "[\"customer\",\"admin\"]");
    String tampered = parts[0] + "." + encode(tamperedClaims) + "." + parts[2];
    String otherSubject =
        parts[0]
            + "."
            + encode(claims(null).replace(ada.id(), UUID.randomUUID().toString()))
            + "."
            + parts[2];

    return Stream.of(
        Arguments.of("alg none", none),
        Arguments.of("alg none without signature part", noneNoDot),
        Arguments.of("HS256 with the public key as secret", hs256),
        Arguments.of("signed by an unknown key", stranger),
        Arguments.of("wrong kid", wrongKid),
        Arguments.of("no kid", noKid),
        Arguments.of(
            "expired beyond the skew",
            withClaims(
                claims(null, "exp", "iat")
                    .replace("}", ",\"iat\":" + (now - 1000) + ",\"exp\":" + (now - 120) + "}"))),
        Arguments.of("no expiry", withClaims(claims(null, "exp"))),
        Arguments.of("nbf in the future", withClaims(claims("\"nbf\":" + (now + 600)))),
        Arguments.of(
            "wrong issuer",
            withClaims(
                claims(null, "iss").replace("{", "{\"iss\":\"https://evil.example/user\","))),
        Arguments.of(
            "wrong audience",
            withClaims(claims(null, "aud").replace("{", "{\"aud\":\"someone-else\","))),
        Arguments.of("no audience", withClaims(claims(null, "aud"))),
        Arguments.of("no subject", withClaims(claims(null, "sub"))),
        Arguments.of("no subject and no upn", withClaims(claims(null, "sub", "upn"))),
        Arguments.of(
            "upn differs from subject",
            withClaims(
                claims(null, "upn").replace("{", "{\"upn\":\"" + UUID.randomUUID() + "\","))),
        Arguments.of("tampered payload (roles)", tampered),
        Arguments.of("tampered payload (subject)", otherSubject),
        Arguments.of("truncated signature", good.substring(0, good.length() - 10)),
        Arguments.of("garbage", "not.a.token"),
        Arguments.of("empty", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void refusesAForgedOrStaleToken(String defect, String token) {
    Response response = me(token);
    Problems.assertProblem(response, 401);
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void refusesATokenInTheQueryStringFormOrCookie() {
    String token = good();
    Problems.assertProblem(given().queryParam("access_token", token).get("/api/v1/users/me"), 401);
    Problems.assertProblem(given().cookie("Bearer", token).get("/api/v1/users/me"), 401);
    Problems.assertProblem(
        given().header("Authorization", "Basic " + token).get("/api/v1/users/me"), 401);
    Problems.assertProblem(given().header("Authorization", token).get("/api/v1/users/me"), 401);
  }

  /**
   * Any other scheme, well-formed or not, is not a login: anonymous where that is allowed, 401
   * elsewhere.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Basic dXNlcjpwYXNz",
        "Basic YWJj",
        "Basic !!!",
        "Basic ",
        "Digest x",
        "Negotiate ="
      })
  void anotherAuthorizationSchemeIsNeitherALoginNorAFault(String authorization) {
    Problems.assertProblem(
        given().header("Authorization", authorization).get("/api/v1/users/me"), 401);
    given().header("Authorization", authorization).get("/api/v1/products").then().statusCode(200);
  }

  @Test
  void aValidTokenWithoutTheNeededRoleIsForbidden() {
    assertThat(me(good()).statusCode()).isEqualTo(200);
    Problems.assertProblem(given().auth().oauth2(good()).get("/api/v1/users"), 403);
    Problems.assertProblem(given().auth().oauth2(good()).delete("/api/v1/products/1"), 403);
  }

  @Test
  void refusesABadTokenEvenOnAPublicPathWhenOnlyCleavesOwnRulesCatchIt() {
    String wrongKid = TestTokens.sign(key(), TestTokens.header("not-our-key"), claims(null));
    Problems.assertProblem(given().auth().oauth2(wrongKid).get("/api/v1/categories"), 401);
  }
}
