package dev.cleave.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * A development RSA key pair for signing and verifying JWTs, generated at first start into the data
 * folder and reused afterwards. Never committed: deployments supply their own keys.
 */
public final class DevKeys {

  private DevKeys() {}

  /**
   * Where a key pair lives: {@code jwt-private.pem} (PKCS #8) and {@code jwt-public.pem} (X.509).
   */
  public record KeyFiles(Path privateKey, Path publicKey) {}

  /** Makes sure {@code jwt-private.pem} and {@code jwt-public.pem} exist in {@code directory}. */
  public static KeyFiles ensure(Path directory) {
    Path privateKey = directory.resolve("jwt-private.pem");
    Path publicKey = directory.resolve("jwt-public.pem");
    if (Files.exists(privateKey) && Files.exists(publicKey)) {
      return new KeyFiles(privateKey, publicKey);
    }
    try {
      Files.createDirectories(directory);
      KeyPair pair = generate();
      writePem(privateKey, "PRIVATE KEY", pair.getPrivate().getEncoded());
      try {
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system; the folder is private to the developer anyway
      }
      writePem(publicKey, "PUBLIC KEY", pair.getPublic().getEncoded());
      return new KeyFiles(privateKey, publicKey);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write development keys to " + directory, e);
    }
  }

  public static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes a JWKS with the RSA public keys in these PEM files (each with its RFC 7638 {@code kid});
   * returns its path.
   */
  public static Path writeJwks(Path jwks, Path... publicPems) {
    StringBuilder keys = new StringBuilder();
    for (Path pem : publicPems) {
      RSAPublicKey key = readPublicKey(pem);
      keys.append(keys.isEmpty() ? "" : ",")
          .append("{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"")
          .append(thumbprint(key))
          .append("\",\"n\":\"")
          .append(unsigned(key.getModulus()))
          .append("\",\"e\":\"")
          .append(unsigned(key.getPublicExponent()))
          .append("\"}");
    }
    try {
      Files.createDirectories(jwks.toAbsolutePath().getParent());
      Files.writeString(jwks, "{\"keys\":[" + keys + "]}");
      return jwks;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + jwks, e);
    }
  }

  /** The RSA public key in an X.509 PEM file. */
  public static RSAPublicKey readPublicKey(Path pem) {
    try {
      String base64 =
          Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + pem, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an RSA public key: " + pem, e);
    }
  }

  /** The RFC 7638 JWK thumbprint (SHA-256, base64url): the key id Cleave gives an RSA key. */
  public static String thumbprint(RSAPublicKey key) {
    String canonical =
        "{\"e\":\""
            + unsigned(key.getPublicExponent())
            + "\",\"kty\":\"RSA\",\"n\":\""
            + unsigned(key.getModulus())
            + "\"}";
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Arrays.copyOfRange(bytes, skip, bytes.length));
  }

  public static void writePem(Path file, String type, byte[] der) throws IOException {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(der);
    Files.writeString(
        file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
  }
}
