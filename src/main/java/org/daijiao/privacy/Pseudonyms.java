package org.daijiao.privacy;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;

/**
 * Keyed pseudonyms for ID numbers in the copies that leave the data team
 * (docs/privacy.md#analyst-export): {@code HMAC-SHA256(county secret, id_number)} in lower-case
 * hex, cut to 32 characters (128 bits). The same ID gives the same pseudonym in every run and every
 * policy year as long as the county keeps its secret, so analysts can follow a person across years;
 * without the secret a pseudonym cannot be turned back into an ID (a plain hash could: the 18-digit
 * IDs of one county are few enough to try them all).
 *
 * <p>The secret comes from the environment ({@value #KEY_ENV}) or a file named by {@value
 * #KEY_FILE_ENV}, never from the repository or the command line (which {@code ps} shows to every
 * user).
 *
 * <p>Serializable because the export applies it in Spark tasks; the key travels inside the task
 * closure, which stays within the driver and executors of the data team's own run.
 */
public final class Pseudonyms implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Environment variable holding the county secret itself. */
  public static final String KEY_ENV = "DAIJIAO_PSEUDONYM_KEY";

  /**
   * Environment variable naming a file that holds the county secret (first line, trailing blanks
   * dropped).
   */
  public static final String KEY_FILE_ENV = "DAIJIAO_PSEUDONYM_KEY_FILE";

  /** A shorter secret could be guessed: 16 random bytes are 128 bits. */
  public static final int MIN_KEY_BYTES = 16;

  /** Hex characters kept: 128 bits, no collision among any county's population. */
  public static final int LENGTH = 32;

  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;

  /**
   * @param key the county secret, at least {@value #MIN_KEY_BYTES} bytes
   * @throws UserFacingException when the key is too short
   */
  public Pseudonyms(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new UserFacingException(
          Code.SECRET,
          "The pseudonym key is too short: it must be at least "
              + MIN_KEY_BYTES
              + " bytes; generate one with `openssl rand -hex 32`.");
    }
    this.key = key.clone();
  }

  /**
   * The secret named by the environment: {@value #KEY_ENV} first, else the file named by {@value
   * #KEY_FILE_ENV}.
   *
   * @throws UserFacingException when neither is set, the file cannot be read, or the key is too
   *     short
   */
  public static Pseudonyms fromEnvironment(Map<String, String> env) {
    String inline = env.get(KEY_ENV);
    if (inline != null && !inline.isBlank()) {
      return new Pseudonyms(inline.strip().getBytes(StandardCharsets.UTF_8));
    }
    String file = env.get(KEY_FILE_ENV);
    if (file != null && !file.isBlank()) {
      try {
        String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        String firstLine = text.lines().findFirst().orElse("").strip();
        return new Pseudonyms(firstLine.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UserFacingException(
            Code.SECRET,
            "Cannot read the pseudonym key file named by "
                + KEY_FILE_ENV
                + " ("
                + file
                + "): "
                + e);
      }
    }
    throw new UserFacingException(
        Code.SECRET,
        "No pseudonym key: set "
            + KEY_ENV
            + " to the county's secret, or "
            + KEY_FILE_ENV
            + " to a file that holds it (readable by the data team only). Keep the same secret"
            + " every year: a new secret gives everyone new pseudonyms.");
  }

  /** The pseudonym of an ID number as stored in the warehouse (18 characters), null for null. */
  public String of(String idNumber) {
    if (idNumber == null) {
      return null;
    }
    try {
      // A Mac is not thread-safe; one per call costs little next to a Spark row and keeps this
      // class stateless.
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      byte[] digest = mac.doFinal(idNumber.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, LENGTH);
    } catch (GeneralSecurityException e) {
      // Every Java 17 runtime has HmacSHA256: this is a broken JVM, not a user error.
      throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "Pseudonyms[HMAC-SHA256, key hidden]";
  }
}
