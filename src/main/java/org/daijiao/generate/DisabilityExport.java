package org.daijiao.generate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.daijiao.generate.Dirt.DateStyle;
import org.daijiao.generate.SyntheticPerson.Role;
import org.daijiao.identity.IdNumber;
import org.daijiao.ingest.Source;

/**
 * The disabled persons' federation's roster as the XLSX workbook it exports: the certificate number
 * (残疾人证号 = ID + category digit + grade digit, §3) as text, issue dates as date cells, some rows
 * with only the certificate number, one certificate that names another person, and two IDs that
 * someone typed into General cells so Excel stored them as numbers.
 */
final class DisabilityExport {
  private static final List<String> COLUMNS =
      List.of(
          "name",
          "id_number",
          "certificate_number",
          "disability_category",
          "disability_grade",
          "township",
          "village",
          "start_date",
          "end_date");
  private static final String[] KINDS = {
    "", "视力残疾", "听力残疾", "言语残疾", "肢体残疾", "智力残疾", "精神残疾", "多重残疾"
  };
  private static final String[] GRADES = {"", "一级", "二级", "三级", "四级"};
  private static final String[] UNKNOWN = {"五级", "重度"};

  private final SplittableRandom rng;
  private final RosterDates dates;
  private final Dirt dirt;

  DisabilityExport(SplittableRandom rng, RosterDates dates, Dirt dirt) {
    this.rng = rng;
    this.dates = dates;
    this.dirt = dirt;
  }

  List<ExportFile> files(List<SyntheticPerson> persons) {
    List<SyntheticPerson> disabled = new ArrayList<>();
    for (SyntheticPerson p : persons) {
      if (p.has(Role.DISABILITY)) {
        disabled.add(p);
      }
    }
    disabled.sort(Comparator.comparing((SyntheticPerson p) -> p.village().code()));
    int mismatchRow = disabled.size() / 2;
    boolean numeric15Done = false;
    boolean roundedDone = false;
    List<List<Object>> rows = new ArrayList<>();
    List<RowLife> lives = new ArrayList<>();
    for (int i = 0; i < disabled.size(); i++) {
      SyntheticPerson p = disabled.get(i);
      String certificate = p.id() + p.disabilityKind() + p.disabilityGrade();
      Object id;
      if (i == mismatchRow) {
        dirt.count(DirtKind.ID_CERTIFICATE_MISMATCH);
        id = p.id();
        certificate = otherPersonsId(p.id()) + p.disabilityKind() + p.disabilityGrade();
      } else if (!numeric15Done && i >= 3 && p.id().startsWith("19", 6)) {
        numeric15Done = true;
        dirt.count(DirtKind.XLSX_NUMERIC_ID_15_DIGIT);
        id = Double.valueOf(p.id().substring(0, 6) + p.id().substring(8, 17));
      } else if (!roundedDone && i >= 7 && !p.id().endsWith("X")) {
        roundedDone = true;
        dirt.count(DirtKind.XLSX_NUMERIC_ID_ROUNDED);
        // Excel keeps 15 significant digits of a number typed into a General cell.
        id = new BigDecimal(p.id()).round(new MathContext(15)).doubleValue();
      } else if (dirt.roll(0.03)) {
        dirt.count(DirtKind.ID_FROM_CERTIFICATE_ONLY);
        id = "";
      } else {
        id = dirt.id(p.id());
      }
      String grade =
          rng.nextInt(10) < 3 ? String.valueOf(p.disabilityGrade()) : GRADES[p.disabilityGrade()];
      if (dirt.roll(0.005)) {
        dirt.count(DirtKind.UNKNOWN_CATEGORY);
        grade = UNKNOWN[rng.nextInt(UNKNOWN.length)];
      }
      LocalDate start = dates.start(dates.year() - 14);
      LocalDate end = rng.nextInt(100) < 5 ? dates.end(start) : null;
      if (dirt.roll(0.005)) {
        dirt.count(DirtKind.END_BEFORE_START);
        end = start.minusDays(1 + rng.nextInt(300));
      }
      DateStyle style = dirt.rowStyle(DateStyle.ISO, 0.02);
      lives.add(RowLife.roster(p, start, end));
      rows.add(
          Arrays.asList(
              dirt.name(p.name(), 0.005),
              id,
              certificate,
              KINDS[p.disabilityKind()],
              grade,
              place(p).township(),
              place(p).name(),
              cell(start, style),
              end == null ? "" : cell(end, style)));
    }
    return List.of(
        new ExportFile(
            Source.DISABILITY,
            "canlian_chiz_renyuan_2022.xlsx",
            ExportFile.Format.XLSX,
            ExportFile.header(Source.DISABILITY, COLUMNS, 0),
            rows,
            lives));
  }

  /** A person who moved is still registered at the old place by the federation. */
  private static Divisions.Village place(SyntheticPerson p) {
    return p.has(SyntheticPerson.Story.MOVED) ? p.previousVillage() : p.village();
  }

  /** A date cell, or the text a clerk typed in another format. */
  private static Object cell(LocalDate date, DateStyle style) {
    return style == DateStyle.ISO ? date : style.format(date);
  }

  /** Another valid ID with the same area and birth date: a certificate of someone else. */
  private static String otherPersonsId(String id) {
    int seq = Integer.parseInt(id.substring(14, 17));
    String first17 = id.substring(0, 14) + String.format(Locale.ROOT, "%03d", (seq + 500) % 1000);
    return first17 + IdNumber.checkCharacter(first17);
  }
}
