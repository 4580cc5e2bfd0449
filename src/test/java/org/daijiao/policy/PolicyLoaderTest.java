package org.daijiao.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.daijiao.person.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy file is the law of the product: every number of SPEC §2 comes from it, validated. */
class PolicyLoaderTest {
  @TempDir Path dir;

  @Test
  void bundled2022PolicyHoldsTheNumbersOfTheNotice() {
    Policy p = PolicyLoader.bundled();
    assertThat(p.policyYear()).isEqualTo(2022);
    assertThat(p.countyCode()).isEqualTo("500243");
    assertThat(p.countyName())
        .as("the name reports print and name their files by")
        .isEqualTo("彭水县");
    assertThat(p.ages().minAge()).as("§2(二) 年满16周岁").isEqualTo(16);
    assertThat(p.ages().maxAge()).as("§2(一) 未满60周岁").isEqualTo(60);
    assertThat(p.subsidyFor(Category.TEKUN)).as("§2(一) 特困 全额 100").isEqualByComparingTo("100.00");
    assertThat(p.subsidyFor(Category.SEVERE_DISABILITY))
        .as("§2(一) 重残 全额 100")
        .isEqualByComparingTo("100.00");
    assertThat(p.subsidyFor(Category.DIBAO)).as("§2(一) 低保 70%").isEqualByComparingTo("70.00");
    assertThat(p.subsidyFor(Category.FANPIN)).as("§2(一) 返贫致贫 70%").isEqualByComparingTo("70.00");
    assertThat(p.categoryPriority())
        .as("§2(一) 多重身份: 特困 > 重残 > 低保 > 返贫致贫")
        .containsExactly(
            Category.TEKUN, Category.SEVERE_DISABILITY, Category.DIBAO, Category.FANPIN);
    assertThat(p.regularCutoff()).as("§2(二) 8月31日").isEqualTo(LocalDate.of(2022, 8, 31));
    assertThat(p.dynamicDeadline()).as("§2(二) 即进立保 12月31日").isEqualTo(LocalDate.of(2022, 12, 31));
    assertThat(p.funding().get(Category.SEVERE_DISABILITY).fundingSource())
        .as("§2(二) 重残 市县两级财政清算")
        .isEqualTo("MUNICIPAL_COUNTY_SETTLEMENT");
    assertThat(p.amounts().tierStatuses())
        .as("SPEC §2.4 (amended): T from the ACTIVE, else the SUSPENDED county record")
        .containsExactly("ACTIVE", "SUSPENDED");
  }

  @Test
  void aTerminatedRecordCannotCarryTheTierOfTheYear() throws IOException {
    Path file =
        editedBundled(
            "  tier_statuses: [ACTIVE, SUSPENDED]", "  tier_statuses: [ACTIVE, TERMINATED]");
    assertThatThrownBy(() -> PolicyLoader.fromFile(file))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("amounts.tier_statuses must list")
        .hasMessageContaining("got [ACTIVE, TERMINATED]");
  }

  @Test
  void seventyPercentBecomesEightyWithAOneLineEdit() throws IOException {
    Path file = editedBundled("    DIBAO: 0.70 ", "    DIBAO: 0.80 ");
    Policy p = PolicyLoader.fromFile(file);
    assertThat(p.subsidyFor(Category.DIBAO)).isEqualByComparingTo(new BigDecimal("80.00"));
    assertThat(p.subsidyFor(Category.FANPIN)).isEqualByComparingTo(new BigDecimal("70.00"));
  }

  @Test
  void invalidPolicyNamesEveryProblemWithItsKey() throws IOException {
    Path file =
        editedBundled(
            "  lowest_tier: 100.00",
            "  lowest_tier: 150.00",
            "category_priority: [TEKUN, SEVERE_DISABILITY, DIBAO, FANPIN]",
            "category_priority: [TEKUN, DIBAO, FANPIN]",
            "  regular_cutoff: \"08-31\"",
            "  regular_cutoff: \"08-32\"");
    assertThatThrownBy(() -> PolicyLoader.fromFile(file))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("amounts.valid_tiers must contain lowest_tier 150")
        .hasMessageContaining("category_priority must list each of")
        .hasMessageContaining("calendar.regular_cutoff must be MM-dd, got 08-32");
  }

  @Test
  void unknownKeyIsRefusedRatherThanIgnored() throws IOException {
    Path file = editedBundled("policy_year: 2022", "policy_year: 2022\nlowest_teir: 100");
    assertThatThrownBy(() -> PolicyLoader.fromFile(file))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("lowest_teir");
  }

  @Test
  void vocabularyMappingToAnUnknownCategoryIsRefused() throws IOException {
    Path file = editedBundled("      城市低保: DIBAO", "      城市低保: DIBOA");
    assertThatThrownBy(() -> PolicyLoader.fromFile(file))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("civil_affairs_category.target.城市低保 maps to DIBOA");
  }

  @Test
  void askingForAnotherYearThanTheFileIsRefused() throws IOException {
    Path file = editedBundled();
    assertThatThrownBy(() -> PolicyLoader.load(file, 2023))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("for year 2022 but --year 2023");
    assertThatThrownBy(() -> PolicyLoader.bundled(2019))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("--policy FILE");
  }

  @Test
  void aMissingOrUnusableCountyNameIsRefused() throws IOException {
    String line = "county_name: \"彭水县\"";
    assertThatThrownBy(() -> PolicyLoader.fromFile(editedBundled(line, "")))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("county_name is missing");
    assertThatThrownBy(() -> PolicyLoader.fromFile(editedBundled(line, "county_name: \"彭水/县\"")))
        .isInstanceOf(PolicyException.class)
        .as("a slash would put the report's file into another folder")
        .hasMessageContaining("county_name must be a name")
        .hasMessageContaining("彭水/县");
  }

  @Test
  void theAuditHorizonIsRequiredAndPlausible() throws IOException {
    assertThat(PolicyLoader.bundled().auditHorizonYears())
        .as("Decision: every run stays readable for 10 years")
        .isEqualTo(10);
    Path missing = editedBundled("audit_horizon_years: 10", "");
    assertThatThrownBy(() -> PolicyLoader.fromFile(missing))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("audit_horizon_years is missing");
    Path zero = editedBundled("audit_horizon_years: 10", "audit_horizon_years: 0");
    assertThatThrownBy(() -> PolicyLoader.fromFile(zero))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("audit_horizon_years must be 1–100 years, got 0");
  }

  @Test
  void theSmallestPublishedCellIsRequiredAndAtLeastOne() throws IOException {
    assertThat(PolicyLoader.bundled().minPublishedCell())
        .as("the HTML report shows no village × category count of 1–4 persons")
        .isEqualTo(5);
    Path missing = editedBundled("min_published_cell: 5", "");
    assertThatThrownBy(() -> PolicyLoader.fromFile(missing))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("min_published_cell must be a count of at least 1")
        .hasMessageContaining("got null");
    Path zero = editedBundled("min_published_cell: 5", "min_published_cell: 0");
    assertThatThrownBy(() -> PolicyLoader.fromFile(zero))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("min_published_cell must be a count of at least 1")
        .hasMessageContaining("got 0");
  }

  @Test
  void theOriginOfAPolicyIsItsFileAndTheHashOfItsBytes() throws IOException {
    Path file = editedBundled("audit_horizon_years: 10", "audit_horizon_years: 30");
    PolicyLoader.Origin edited = PolicyLoader.origin(file, 2022);
    PolicyLoader.Origin bundled = PolicyLoader.origin(null, 2022);
    assertThat(bundled.file()).isEqualTo("bundled:policy/2022.yaml");
    assertThat(edited.file()).isEqualTo(file.toAbsolutePath().toString());
    assertThat(edited.sha256()).isEqualTo(sha256(Files.readAllBytes(file)));
    try (InputStream in =
        PolicyLoader.class.getClassLoader().getResourceAsStream("policy/2022.yaml")) {
      assertThat(bundled.sha256()).isEqualTo(sha256(in.readAllBytes()));
    }
    assertThat(edited.sha256()).isNotEqualTo(bundled.sha256());
    assertThat(PolicyLoader.origin(file, 2022))
        .as("the same bytes, the same hash")
        .isEqualTo(edited);
  }

  @Test
  void theLoadedPolicyCarriesTheHashOfTheBytesItWasParsedFrom() throws IOException {
    Path file = editedBundled("audit_horizon_years: 10", "audit_horizon_years: 30");
    PolicyLoader.Loaded loaded = PolicyLoader.read(file, null);
    assertThat(loaded.policy().auditHorizonYears())
        .as("parsed from the edited bytes")
        .isEqualTo(30);
    assertThat(loaded.origin().sha256())
        .as("the hash of those bytes")
        .isEqualTo(sha256(Files.readAllBytes(file)));
    assertThat(loaded.origin()).isEqualTo(PolicyLoader.origin(file, 2022));
    assertThat(PolicyLoader.read(null, 2022).origin()).isEqualTo(PolicyLoader.origin(null, 2022));
  }

  @Test
  void aCheckOfTheOriginComesBeforeTheBytesAreParsed() throws IOException {
    Path invalid = editedBundled("audit_horizon_years: 10", "audit_horizon_years: 0");
    String hash = sha256(Files.readAllBytes(invalid));
    assertThatThrownBy(
            () ->
                PolicyLoader.read(
                    invalid,
                    2022,
                    origin -> {
                      throw new PolicyException("changed: " + origin.sha256());
                    }))
        .as("the check refuses the bytes before their problems are named")
        .hasMessage("changed: " + hash);
    Path edited = editedBundled("audit_horizon_years: 10", "audit_horizon_years: 30");
    List<PolicyLoader.Origin> checked = new ArrayList<>();
    PolicyLoader.Loaded loaded = PolicyLoader.read(edited, 2022, checked::add);
    assertThat(checked).as("checked once, then parsed").containsExactly(loaded.origin());
    assertThat(loaded.policy().auditHorizonYears()).isEqualTo(30);
    assertThatThrownBy(() -> PolicyLoader.read(edited, 2023, o -> {}))
        .as("and still of the year asked for")
        .hasMessageContaining("is for year 2022 but --year 2023");
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> PolicyLoader.fromFile(missing))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(missing.toString());
  }

  /** The bundled 2022 file with each (old, new) pair of lines replaced, written to a temp file. */
  private Path editedBundled(String... oldNew) throws IOException {
    String text;
    try (var in = PolicyLoader.class.getClassLoader().getResourceAsStream("policy/2022.yaml")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (int i = 0; i < oldNew.length; i += 2) {
      assertThat(text).as("fixture edit target").contains(oldNew[i]);
      text = text.replace(oldNew[i], oldNew[i + 1]);
    }
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
