package dev.cleave.user.internal.application;

import dev.cleave.user.internal.domain.PasswordPolicy;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes in PBKDF2-HMAC-SHA256 (JDK built-in), stored as {@code
 * pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64) so that each hash carries its own parameters:
 * a hash made with fewer iterations than today's still verifies, and {@link #needsRehash(String)}
 * tells the login to replace it.
 */
public final class PasswordHasher {

  static final String ALGORITHM = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int iterations;
  private final String decoy;

  /**
   * @param iterations PBKDF2 iterations for new hashes
   */
  public PasswordHasher(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive");
    }
    this.iterations = iterations;
    this.decoy = hash("decoy password that no account has " + RANDOM.nextLong());
  }

  /** A new salted hash of the password (NFC-normalized first). */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = pbkdf2(password, salt, iterations);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return ALGORITHM
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  /**
   * True when the password matches the stored hash; false for a wrong password or an unreadable
   * hash.
   */
  public boolean verify(String password, String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
      return false;
    }
    try {
      int storedIterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      if (storedIterations < 1) {
        return false;
      }
      return MessageDigest.isEqual(expected, pbkdf2(password, salt, storedIterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Spends the same work as {@link #verify} on a hash that matches no password, so that a login for
   * an unknown e-mail address takes as long as one with a wrong password.
   */
  public void verifyDecoy(String password) {
    verify(password, decoy);
  }

  /** True when the hash was made with other parameters than new hashes get. */
  public boolean needsRehash(String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    return parts.length != 4
        || !ALGORITHM.equals(parts[0])
        || !Integer.toString(iterations).equals(parts[1]);
  }

  public int iterations() {
    return iterations;
  }

  private static byte[] pbkdf2(String password, byte[] salt, int rounds) {
    char[] chars = PasswordPolicy.normalize(password).toCharArray();
    KeySpec spec = new PBEKeySpec(chars, salt, rounds, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    } finally {
      Arrays.fill(chars, '\0');
      ((PBEKeySpec) spec).clearPassword();
    }
  }
}
