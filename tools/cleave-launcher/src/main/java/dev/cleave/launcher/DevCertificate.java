package dev.cleave.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A development TLS certificate for the front door: a self-signed EC P-256 certificate for {@code
 * localhost}, {@code 127.0.0.1} and {@code ::1} in a PKCS #12 keystore with a random password, made
 * by the JDK's {@code keytool} into the data folder at first start with TLS on, and made again when
 * it has less than 30 days left. Never committed: deployments mount their own keystore.
 *
 * @param keystore {@code cleave-tls.p12}
 * @param password the keystore's password, kept beside it in {@code keystore.password} (owner only)
 * @param certificate the certificate alone as PEM ({@code cleave-tls.crt}), for a client to trust
 */
public record DevCertificate(Path keystore, String password, Path certificate) {

  private static final Duration RENEW_BEFORE = Duration.ofDays(30);

  /** The certificate in {@code directory}, made if missing or about to expire. */
  public static DevCertificate ensure(Path directory) {
    Path keystore = directory.resolve("cleave-tls.p12");
    Path passwordFile = directory.resolve("keystore.password");
    Path certificate = directory.resolve("cleave-tls.crt");
    try {
      if (Files.exists(keystore) && Files.exists(passwordFile) && Files.exists(certificate)) {
        String password = Files.readString(passwordFile).strip();
        if (validFor(keystore, password, RENEW_BEFORE)) {
          return new DevCertificate(keystore, password, certificate);
        }
      }
      Files.createDirectories(directory);
      Files.deleteIfExists(keystore);
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String password = HexFormat.of().formatHex(random);
      Files.writeString(passwordFile, password);
      ownerOnly(passwordFile);
      generate(keystore, password);
      ownerOnly(keystore);
      DevKeys.writePem(
          certificate,
          "CERTIFICATE",
          load(keystore, password).getCertificate("cleave").getEncoded());
      return new DevCertificate(keystore, password, certificate);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not make a development certificate in " + directory, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not read the keystore in " + directory, e);
    }
  }

  /** The keystore as a Java key store (a test's trust store). */
  public KeyStore load() {
    try {
      return load(keystore, password);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void generate(Path keystore, String password) throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    keytool.toString(),
                    "-genkeypair",
                    "-alias",
                    "cleave",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=localhost, O=Cleave development",
                    "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1,ip:::1",
                    "-validity",
                    "365",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    keystore.toString(),
                    // the password goes by the environment, never on a command line
                    "-storepass:env",
                    "CLEAVE_TLS_KEYSTORE_PASSWORD"))
            .redirectErrorStream(true);
    builder.environment().put("CLEAVE_TLS_KEYSTORE_PASSWORD", password);
    Process process = builder.start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("keytool failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while keytool ran", e);
    }
  }

  private static boolean validFor(Path keystore, String password, Duration margin) {
    try {
      X509Certificate certificate =
          (X509Certificate) load(keystore, password).getCertificate("cleave");
      return certificate != null
          && certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(margin));
    } catch (GeneralSecurityException | IOException e) {
      return false; // unreadable (a wrong password, a half-written file): make a new one
    }
  }

  private static KeyStore load(Path keystore, String password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, password.toCharArray());
    }
    return store;
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system; the data folder is the developer's own
    }
  }
}
