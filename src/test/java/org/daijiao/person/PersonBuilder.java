package org.daijiao.person;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.daijiao.identity.IdNumber;

/**
 * Tiny synthetic timelines for the rule tests, read like the case they describe: {@code
 * PersonBuilder.born("1980-05-01").dibao("2022-01-01", null).countyResident("ACTIVE", "100")}.
 * Dates are ISO strings; a null end is an ongoing period. The ID is a synthetic, valid number of
 * the county built from the birth date.
 */
public final class PersonBuilder {
  public static final String COUNTY = "500243";
  public static final String OTHER_COUNTY = "500101";
  public static final String OUTSIDE_MUNICIPALITY = "510104";

  private final LocalDate birthDate;
  private String sequence = "001";
  private final List<Period> categories = new ArrayList<>();
  private final List<Period> exclusions = new ArrayList<>();
  private final List<Enrollment> enrollments = new ArrayList<>();
  private final List<Payment> payments = new ArrayList<>();

  private PersonBuilder(LocalDate birthDate) {
    this.birthDate = birthDate;
  }

  public static PersonBuilder born(String birthDate) {
    return new PersonBuilder(LocalDate.parse(birthDate));
  }

  /** A synthetic valid ID for a birth date (area 500243, sequence 001). */
  public static String syntheticId(LocalDate birthDate, String sequence) {
    String first17 = COUNTY + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + sequence;
    return first17 + IdNumber.checkCharacter(first17);
  }

  public PersonBuilder sequence(String threeDigits) {
    this.sequence = threeDigits;
    return this;
  }

  public PersonBuilder category(String code, String from, String to) {
    categories.add(new Period(code, date(from), date(to)));
    return this;
  }

  public PersonBuilder tekun(String from, String to) {
    return category("TEKUN", from, to);
  }

  public PersonBuilder dibao(String from, String to) {
    return category("DIBAO", from, to);
  }

  public PersonBuilder fanpin(String from, String to) {
    return category("FANPIN", from, to);
  }

  public PersonBuilder severeDisability(String from, String to) {
    return category("SEVERE_DISABILITY", from, to);
  }

  public PersonBuilder exclusion(String code, String from, String to) {
    exclusions.add(new Period(code, date(from), date(to)));
    return this;
  }

  public PersonBuilder student(String from, String to) {
    return exclusion("STUDENT", from, to);
  }

  public PersonBuilder military(String from, String to) {
    return exclusion("MILITARY", from, to);
  }

  public PersonBuilder prisoner(String from, String to) {
    return exclusion("PRISONER", from, to);
  }

  public PersonBuilder enrolled(String scheme, String region, String status, String tier) {
    enrollments.add(
        new Enrollment(
            Scheme.valueOf(scheme),
            region,
            EnrollmentStatus.valueOf(status),
            tier == null ? null : new BigDecimal(tier)));
    return this;
  }

  /** A resident pension record of this county (where the tier is read). */
  public PersonBuilder countyResident(String status, String tier) {
    return enrolled("RESIDENT", COUNTY, status, tier);
  }

  public PersonBuilder selfPaid(int year, String amount, String paidDate) {
    payments.add(new Payment(year, new BigDecimal(amount), date(paidDate), PayerType.SELF));
    return this;
  }

  public PersonBuilder governmentPaid(int year, String amount, String paidDate) {
    payments.add(new Payment(year, new BigDecimal(amount), date(paidDate), PayerType.GOVERNMENT));
    return this;
  }

  public PersonTimeline build() {
    return new PersonTimeline(
        syntheticId(birthDate, sequence), birthDate, categories, exclusions, enrollments, payments);
  }

  private static LocalDate date(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }
}
