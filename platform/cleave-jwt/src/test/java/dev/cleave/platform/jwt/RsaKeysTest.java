package dev.cleave.platform.jwt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RsaKeysTest {

  private static KeyPair pair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  @Test
  void readsSeveralKeysFromPemBlocksOrAJwks() throws Exception {
    KeyPair one = pair();
    KeyPair two = pair();
    String pems =
        pem("PUBLIC KEY", one.getPublic().getEncoded())
            + pem("PUBLIC KEY", two.getPublic().getEncoded());
    assertThat(RsaKeys.publicKeys(pems))
        .containsExactly((RSAPublicKey) one.getPublic(), (RSAPublicKey) two.getPublic());

    Map<String, String> a = RsaKeys.jwk((RSAPublicKey) one.getPublic());
    Map<String, String> b = RsaKeys.jwk((RSAPublicKey) two.getPublic());
    String jwks = "{\"keys\":[" + json(a) + ",{\"kty\":\"EC\",\"crv\":\"P-256\"}," + json(b) + "]}";
    assertThat(RsaKeys.publicKeys(jwks))
        .containsExactly((RSAPublicKey) one.getPublic(), (RSAPublicKey) two.getPublic());
    assertThat(RsaKeys.publicKeys(json(a))).containsExactly((RSAPublicKey) one.getPublic());
    assertThatThrownBy(() -> RsaKeys.publicKeys("{\"keys\":[]}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RsaKeys.publicKeys("{not json"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RsaKeys.publicKeys("")).isInstanceOf(IllegalArgumentException.class);
  }

  private static String json(Map<String, String> members) {
    StringBuilder out = new StringBuilder("{");
    members.forEach(
        (k, v) ->
            out.append(out.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":\"")
                .append(v)
                .append('"'));
    return out.append('}').toString();
  }

  @Test
  void readsPemKeysAndDerivesThePublicHalf() throws Exception {
    KeyPair pair = pair();
    RSAPublicKey publicKey = RsaKeys.publicKey(pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    assertThat(publicKey).isEqualTo(pair.getPublic());
    assertThat(
            RsaKeys.publicKeyOf(
                RsaKeys.privateKey(pem("PRIVATE KEY", pair.getPrivate().getEncoded()))))
        .isEqualTo(pair.getPublic());
    assertThatThrownBy(() -> RsaKeys.publicKey(pem("PRIVATE KEY", pair.getPrivate().getEncoded())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void publishesTheKeyAsAJwkWhoseIdIsItsRfc7638Thumbprint() throws Exception {
    RSAPublicKey key = (RSAPublicKey) pair().getPublic();
    Map<String, String> jwk = RsaKeys.jwk(key);
    assertThat(jwk)
        .containsEntry("kty", "RSA")
        .containsEntry("alg", "RS256")
        .containsEntry("use", "sig")
        .containsEntry("e", "AQAB");
    assertThat(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("n"))))
        .isEqualTo(key.getModulus());
    assertThat(jwk.get("n")).doesNotContain("=").doesNotStartWith("AA");
    // RFC 7638: SHA-256 over the required members in lexicographic order, no white space.
    String canonical =
        "{\"e\":\"" + jwk.get("e") + "\",\"kty\":\"RSA\",\"n\":\"" + jwk.get("n") + "\"}";
    String expected =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    assertThat(jwk.get("kid")).isEqualTo(expected).isEqualTo(RsaKeys.thumbprint(key));
  }
}
