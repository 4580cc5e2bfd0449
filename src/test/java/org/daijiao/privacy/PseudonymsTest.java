package org.daijiao.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.daijiao.PipelineFixture;
import org.daijiao.UserFacingException;
import org.junit.jupiter.api.Test;

/** Keyed pseudonyms of {@code export --for analysts} (issue 4). IDs are synthetic. */
class PseudonymsTest {
  private static final String ZHANG_SAN = "500243198001010012";
  private static final String LI_SI = "50024319900202002X";
  private static final byte[] COUNTY_KEY =
      "pengshui-county-secret-0123456789".getBytes(StandardCharsets.UTF_8);

  @Test
  void samePersonGetsTheSamePseudonymInEveryRunAndYear() {
    String first = new Pseudonyms(COUNTY_KEY).of(ZHANG_SAN);
    String nextYear = new Pseudonyms(COUNTY_KEY.clone()).of(ZHANG_SAN);
    assertThat(nextYear).as("张三's pseudonym with the same county secret").isEqualTo(first);
  }

  @Test
  void pseudonymIsHmacSha256InHexCutTo32Characters() {
    // Computed independently: printf %s 500243198001010012 | openssl dgst -sha256 -hmac <key>
    String p = new Pseudonyms(COUNTY_KEY).of(ZHANG_SAN);
    assertThat(p).isEqualTo("23b5661d878d4538da9b9cdeb378be53");
    assertThat(p).as("the pseudonym must not contain the ID").doesNotContain("500243");
  }

  @Test
  void differentPeopleGetDifferentPseudonyms() {
    Pseudonyms county = new Pseudonyms(COUNTY_KEY);
    assertThat(county.of(ZHANG_SAN)).isNotEqualTo(county.of(LI_SI));
  }

  @Test
  void anotherKeyGivesAnotherPseudonym() {
    byte[] other = "another-county-secret-9876543210".getBytes(StandardCharsets.UTF_8);
    assertThat(new Pseudonyms(other).of(ZHANG_SAN))
        .as("without the county secret nobody can compute 张三's pseudonym")
        .isNotEqualTo(new Pseudonyms(COUNTY_KEY).of(ZHANG_SAN));
  }

  @Test
  void noIdGivesNoPseudonym() {
    assertThat(new Pseudonyms(COUNTY_KEY).of(null)).isNull();
  }

  @Test
  void theKeyComesFromTheEnvironmentVariableFirst() {
    Pseudonyms fromEnv =
        Pseudonyms.fromEnvironment(
            Map.of(
                Pseudonyms.KEY_ENV,
                new String(COUNTY_KEY, StandardCharsets.UTF_8),
                Pseudonyms.KEY_FILE_ENV,
                "/nonexistent"));
    assertThat(fromEnv.of(ZHANG_SAN)).isEqualTo(new Pseudonyms(COUNTY_KEY).of(ZHANG_SAN));
  }

  @Test
  void theKeyFileGivesTheSamePseudonymsAsTheVariable() throws Exception {
    Path file = PipelineFixture.tempDir("pseudonym-key").resolve("county.key");
    Files.writeString(file, new String(COUNTY_KEY, StandardCharsets.UTF_8) + "\n");
    Pseudonyms fromFile =
        Pseudonyms.fromEnvironment(Map.of(Pseudonyms.KEY_FILE_ENV, file.toString()));
    assertThat(fromFile.of(ZHANG_SAN))
        .as("a trailing newline in the key file is not part of the key")
        .isEqualTo(new Pseudonyms(COUNTY_KEY).of(ZHANG_SAN));
  }

  @Test
  void noKeyIsRefusedWithTheTwoWaysToGiveOne() {
    assertThatThrownBy(() -> Pseudonyms.fromEnvironment(Map.of()))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining(Pseudonyms.KEY_ENV)
        .hasMessageContaining(Pseudonyms.KEY_FILE_ENV);
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> Pseudonyms.fromEnvironment(Map.of(Pseudonyms.KEY_ENV, "1234")))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void anUnreadableKeyFileIsNamed() {
    assertThatThrownBy(
            () -> Pseudonyms.fromEnvironment(Map.of(Pseudonyms.KEY_FILE_ENV, "/nonexistent/key")))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("/nonexistent/key");
  }

  @Test
  void theKeyNeverShowsInToString() {
    assertThat(new Pseudonyms(COUNTY_KEY).toString()).doesNotContain("pengshui");
  }
}
