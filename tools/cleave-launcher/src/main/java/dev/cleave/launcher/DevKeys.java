package dev.cleave.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * A development RSA key pair for signing and verifying JWTs, generated at first start into the data
 * folder and reused afterwards. Never committed: deployments supply their own keys.
 */
public final class DevKeys {

  private DevKeys() {
  }

  /** Where a key pair lives: {@code jwt-private.pem} (PKCS #8) and {@code jwt-public.pem} (X.509). */
  public record KeyFiles(Path privateKey, Path publicKey) {
  }

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

  public static void writePem(Path file, String type, byte[] der) throws IOException {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
  }
}
