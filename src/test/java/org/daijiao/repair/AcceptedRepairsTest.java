package org.daijiao.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.daijiao.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's accept-repairs file: the rows of quality.id_repair_candidates the data team confirms.
 * A file that cannot be applied stops the run with its file, line and problem, never an ID.
 */
class AcceptedRepairsTest {
  private static final String HEADER = "source,source_file,line,candidate_id_number\n";
  private static final String ZHANG = "500243198001010012";

  @TempDir Path dir;

  private Path file(String text) throws IOException {
    Path f = dir.resolve("repairs.csv");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void rowsOfTheCandidatesTableAreReadWithTheirLinesExtraColumnsIgnored() throws IOException {
    Path f =
        file(
            "\uFEFFsource,source_file,line,reason,candidate_id_number,evidence\n"
                + "civil_affairs,civil_affairs/a.csv,17,ID_INVALID_CHECKSUM,"
                + ZHANG
                + ",\"[\"\"NAME\"\",\"\"SEX\"\"]\"\n"
                + "\n"
                + "disability,disability/d.xlsx,4,CERTIFICATE_INVALID,50024319740404276x,[]\n"
                + "civil_affairs,civil_affairs/a.csv,17,ID_INVALID_CHECKSUM,"
                + ZHANG
                + ",[]\n");
    AcceptedRepairs accepted = AcceptedRepairs.read(f);
    assertThat(accepted.label()).isEqualTo(f.toString());
    assertThat(accepted.confirmations())
        .as("the same row twice counts once; a lower-case x is normalised")
        .containsExactly(
            new AcceptedRepairs.Confirmation("civil_affairs", "civil_affairs/a.csv", 17, ZHANG, 2),
            new AcceptedRepairs.Confirmation(
                "disability", "disability/d.xlsx", 4, "50024319740404276X", 4));
  }

  @Test
  void aMissingColumnIsNamedWithTheHeaderLine() throws IOException {
    Path f = file("source,source_file,line\ncivil_affairs,civil_affairs/a.csv,17\n");
    assertThatThrownBy(() -> AcceptedRepairs.read(f))
        .isInstanceOf(UserFacingException.class)
        .hasMessageStartingWith(f + ": line 1: required column `candidate_id_number` is missing")
        .hasMessageEndingWith("the run stopped before any table changed.");
  }

  @Test
  void anInvalidCandidateIsNamedByItsLineWithoutQuotingIt() throws IOException {
    String wrong = "500243198001010010";
    Path f =
        file(
            HEADER
                + "civil_affairs,civil_affairs/a.csv,17,"
                + ZHANG
                + "\n"
                + "civil_affairs,civil_affairs/a.csv,18,"
                + wrong
                + "\n");
    assertThatThrownBy(() -> AcceptedRepairs.read(f))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining(f + ": line 3: column `candidate_id_number` is not a valid")
        .hasMessageContaining("ID_INVALID_CHECKSUM")
        .message()
        .doesNotContain(wrong)
        .doesNotContain(ZHANG);
  }

  @Test
  void aSourceThatIsNoRosterALineThatIsNoNumberOrTwoCandidatesForOneRowAreRefused()
      throws IOException {
    Path source = file(HEADER + "tax_payments,tax_payments/t.csv,3," + ZHANG + "\n");
    assertThatThrownBy(() -> AcceptedRepairs.read(source))
        .hasMessageContaining("line 2: column `source` must be civil_affairs");
    Path line = file(HEADER + "civil_affairs,civil_affairs/a.csv,seventeen," + ZHANG + "\n");
    assertThatThrownBy(() -> AcceptedRepairs.read(line))
        .hasMessageContaining("line 2: column `line` must be the line number");
    Path twice =
        file(
            HEADER
                + "civil_affairs,civil_affairs/a.csv,17,"
                + ZHANG
                + "\ncivil_affairs,civil_affairs/a.csv,17,500243198505050026\n");
    assertThatThrownBy(() -> AcceptedRepairs.read(twice))
        .hasMessageContaining("line 3: confirms a second candidate for civil_affairs/a.csv line 17")
        .message()
        .doesNotContain(ZHANG);
  }

  @Test
  void anEmptyOrMissingFileIsRefused() throws IOException {
    Path empty = file("\n\n");
    assertThatThrownBy(() -> AcceptedRepairs.read(empty)).hasMessageContaining("empty file");
    assertThatThrownBy(() -> AcceptedRepairs.read(dir.resolve("nope.csv")))
        .hasMessageContaining("does not exist");
  }
}
