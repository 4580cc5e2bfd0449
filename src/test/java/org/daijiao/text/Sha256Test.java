package org.daijiao.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The SHA-256 hex of FIPS 180-2's test vectors, from bytes, a stream and a digest fed by parts. */
class Sha256Test {
  private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);
  private static final String ABC_HEX =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void bytesStreamsAndDigestsGiveTheSameHex() throws IOException {
    assertThat(Sha256.hex(ABC)).isEqualTo(ABC_HEX);
    assertThat(Sha256.hex(new ByteArrayInputStream(ABC))).isEqualTo(ABC_HEX);
    var digest = Sha256.digest();
    digest.update(ABC, 0, 1);
    digest.update(ABC, 1, 2);
    assertThat(Sha256.hex(digest)).isEqualTo(ABC_HEX);
    assertThat(Sha256.hex(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}
