package org.daijiao.text;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of bytes, in lower-case hex: how the run record, the run parameters and a backup's
 * manifest name a file's content. One function for every layer above (policy, ingest, ops).
 */
public final class Sha256 {
  private Sha256() {}

  /** A new SHA-256 digest, for a caller that hashes bytes as it copies them. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** The hex of a finished digest. */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The SHA-256 of {@code bytes}, in hex. */
  public static String hex(byte[] bytes) {
    MessageDigest sha = digest();
    sha.update(bytes);
    return hex(sha);
  }

  /** The SHA-256 of everything {@code in} still holds, in hex; reads it to its end. */
  public static String hex(InputStream in) throws IOException {
    MessageDigest sha = digest();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      sha.update(buffer, 0, n);
    }
    return hex(sha);
  }
}
