package org.daijiao.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.daijiao.identity.IdNumber;
import org.junit.jupiter.api.Test;

/**
 * The municipality scale (issue 11: 40 × county, 12 million persons) crowds one birth date: one
 * area code holds 500 IDs per date and sex, so the generator hung there. Its IDs now spill over to
 * the municipality's other area codes, each still valid and unique.
 */
class PopulationBuilderIdsTest {
  private static final String COUNTY = "500243";
  private static final String HISTORICAL = "512328";

  @Test
  void aCrowdedBirthDateSpillsOverToOtherCountiesAreaCodes() {
    PopulationBuilder builder =
        new PopulationBuilder(
            new SplittableRandom(7), Divisions.bundled(), 2022, COUNTY, List.of(HISTORICAL));
    LocalDate birth = LocalDate.of(1962, 2, 28);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      ids.add(builder.newId(birth, true));
    }

    assertThat(ids).hasSize(2_000);
    assertThat(ids)
        .allSatisfy(
            id ->
                assertThat(id.charAt(17)).isEqualTo(IdNumber.checkCharacter(id.substring(0, 17))));
    long own = ids.stream().filter(id -> id.startsWith(COUNTY)).count();
    assertThat(own)
        .as("the county's own code, full at 500 per date and sex")
        .isLessThanOrEqualTo(500);
    List<String> elsewhere =
        ids.stream()
            .map(id -> id.substring(0, 6))
            .filter(a -> !a.equals(COUNTY) && !a.equals(HISTORICAL))
            .toList();
    assertThat(elsewhere)
        .as("the other IDs carry the municipality's other area codes")
        .hasSizeGreaterThanOrEqualTo(1_000)
        .allSatisfy(a -> assertThat(PensionExport.OTHER_COUNTIES).contains(a));
  }
}
