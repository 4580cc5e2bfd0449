package org.daijiao.ops;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The text of the warehouse lock file: its holder ({@link LockHolder}) as JSON. Both locks ({@link
 * LocalWarehouseLock}, {@link SharedWarehouseLock}) and the readers ({@code runs}) read it here.
 */
final class LockFileJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LockFileJson() {}

  /**
   * The holder the text names; null when it is empty (no run holds the lock, or the one that did
   * ended normally), a holder named "unknown" when it cannot be parsed.
   */
  static LockHolder parse(byte[] text) {
    String s = new String(text, StandardCharsets.UTF_8).strip();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return JSON.readValue(s, LockHolder.class);
    } catch (JacksonException e) {
      // A lock file cut short by a crash while it was written names no run we could record.
      return LockHolder.builder("unknown", "unknown", List.of(), Instant.EPOCH.toString())
          .host("unknown-host")
          .pid(-1)
          .build();
    }
  }

  /** The text that names {@code holder}. */
  static byte[] text(LockHolder holder) {
    try {
      return JSON.writeValueAsBytes(holder);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
