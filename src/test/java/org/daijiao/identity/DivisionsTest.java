package org.daijiao.identity;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The county's division table (reference/pengshui_divisions.csv) and the match keys a roster's
 * place names are compared with (docs/operations.md, where a person lives): the suffixes a clerk
 * may or may not type are dropped, and so is white space of any width.
 */
class DivisionsTest {

  @Test
  void theTableHoldsTheCountyIts39TownshipsAndTheirVillages() {
    List<Divisions.Division> all = Divisions.all();
    assertThat(all).hasSize(336);
    assertThat(all.get(0))
        .isEqualTo(new Divisions.Division("500243", "彭水苗族土家族自治县", "彭水苗族土家族自治县", "county", "5002"));
    assertThat(all).filteredOn(d -> d.level().equals("township")).hasSize(39);
    assertThat(all)
        .contains(
            new Divisions.Division("500243001", "汉葭街道", "汉葭街道", "township", "500243"),
            new Divisions.Division("500243001001", "鼓楼社区居民委员会", "鼓楼社区", "village", "500243001"));
  }

  @Test
  void aTownshipKeyDropsTheSuffixAndAnySpace() {
    assertThat(Divisions.townshipKeyOf("汉葭街道")).isEqualTo("汉葭");
    assertThat(Divisions.townshipKeyOf("汉葭街道办事处")).isEqualTo("汉葭");
    assertThat(Divisions.townshipKeyOf("保家镇")).isEqualTo("保家");
    assertThat(Divisions.townshipKeyOf("鹿鸣乡")).isEqualTo("鹿鸣");
    assertThat(Divisions.townshipKeyOf(" 汉\u3000葭\u00A0街道")).isEqualTo("汉葭");
  }

  @Test
  void aVillageKeyDropsTheSuffixAndAnySpace() {
    // The committee's full name loses 社区 too: a department that writes it matches 鼓楼社区.
    assertThat(Divisions.villageKeyOf("鼓楼社区居民委员会")).isEqualTo("鼓楼");
    assertThat(Divisions.villageKeyOf("鼓楼社区居民委员会")).isEqualTo(Divisions.villageKeyOf("鼓楼社区"));
    assertThat(Divisions.villageKeyOf("鼓楼社区")).isEqualTo("鼓楼");
    assertThat(Divisions.villageKeyOf("溪口村民委员会")).isEqualTo("溪口");
    assertThat(Divisions.villageKeyOf("溪口村")).isEqualTo("溪口");
    assertThat(Divisions.villageKeyOf("溪 口")).isEqualTo("溪口");
  }

  @Test
  void theColumnFormsApplyTheSameTwoReplacements() {
    // Evaluated on data by LocationsTest; here the expression itself, which needs no session.
    assertThat(Divisions.townshipKey(col("t")).toString())
        .isEqualTo(
            "regexp_replace(regexp_replace(t, [\\s\\u3000\\u00A0], , 1), (街道办事处|街道|镇|乡)$, , 1)");
    assertThat(Divisions.villageKey(col("v")).toString())
        .isEqualTo(
            "regexp_replace(regexp_replace(v, [\\s\\u3000\\u00A0], , 1), (社区居民委员会|村民委员会|居民委员会|社区|村)$, , 1)");
  }
}
