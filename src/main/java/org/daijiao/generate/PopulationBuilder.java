package org.daijiao.generate;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.daijiao.generate.SyntheticPerson.Role;
import org.daijiao.generate.SyntheticPerson.Story;
import org.daijiao.identity.IdNumber;

/**
 * Draws the synthetic population: roster persons with realistic shares of each group and their
 * overlaps, ages that exercise the 16–60 window of §2(二) (children, people turning 16 or 60 during
 * the year, also after the regular cut-off, leap-day births), and non-roster persons who only
 * appear in the insurance exports.
 */
final class PopulationBuilder {
  private final SplittableRandom rng;
  private final Divisions divisions;
  private final int year;
  private final String countyCode;
  private final List<String> historicalCodes;

  /**
   * Draws of an ID already taken before the area code is one of another county's. One area code
   * holds 500 IDs per birth date and sex (GB 11643's sequence code): a municipality-sized
   * population (12 million, 4 % of them turning 60 in one year) fills the county's own on busy
   * dates, and drawing on would never end. The bundled sample and a county (0.3 million)
   * practically never draw this often (p ≈ 4 × 10⁻⁷ for a person born on 29 February), so their IDs
   * stay as they were.
   */
  private static final int CROWDED_AFTER = 8;

  /** The first 17 digits of every ID drawn so far: no two persons share an ID. */
  private final LongSet usedIds = new LongSet();

  PopulationBuilder(
      SplittableRandom rng,
      Divisions divisions,
      int year,
      String countyCode,
      List<String> historicalCodes) {
    this.rng = rng;
    this.divisions = divisions;
    this.year = year;
    this.countyCode = countyCode;
    this.historicalCodes = List.copyOf(historicalCodes);
  }

  /** {@code count} roster persons, each with at least one role; a few with a {@link Story}. */
  List<SyntheticPerson> roster(int count) {
    List<SyntheticPerson> persons = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      persons.add(withStory(person(roles())));
    }
    return persons;
  }

  /**
   * Some roster persons get a less common story. Shares per 1,000 roster persons: came of age 3,
   * moved 20 (of 低保 persons), two live records 5, listed twice 3 (of 低保 persons); per 1,000 of the
   * ages they concern: retired worker 50 (women aged 50–59), student then enlisted 50 (aged 18–20),
   * prisoner enrolled elsewhere 2 (aged 25–54).
   */
  private SyntheticPerson withStory(SyntheticPerson p) {
    int r = rng.nextInt(1000);
    int age = p.ageOn(LocalDate.of(year, 7, 1));
    if (r < 3) {
      return cameOfAge(p);
    }
    if (r < 23) {
      return p.has(Role.DIBAO) ? p.with(Story.MOVED, otherTownshipsVillage(p.village())) : p;
    }
    if (r < 28) {
      boolean target = p.has(Role.DIBAO) || p.has(Role.TEKUN) || p.has(Role.FANPIN);
      return target ? p.with(Story.TWO_LIVE_RECORDS, null) : p;
    }
    if (r < 31) {
      return p.has(Role.DIBAO) ? p.with(Story.LISTED_TWICE, otherTownshipsVillage(p.village())) : p;
    }
    if (r < 81) {
      return !p.male() && age >= 50 && age < 60 ? p.with(Story.RETIRED_WORKER, null) : p;
    }
    if (r < 131) {
      return age >= 18 && age <= 20 ? p.with(Story.STUDENT_THEN_ENLISTED, null) : p;
    }
    if (r < 133) {
      return age >= 25 && age < 55 ? p.with(Story.PRISONER_ENROLLED_ELSEWHERE, null) : p;
    }
    return p;
  }

  /** 特困 as a child, 低保 from the 18th birthday, which falls between 15 January and 15 June of Y. */
  private SyntheticPerson cameOfAge(SyntheticPerson p) {
    LocalDate birth = LocalDate.of(year - 18, 1, 15).plusDays(rng.nextInt(151));
    String id = newId(birth, p.male());
    return new SyntheticPerson(
        id,
        p.name(),
        birth,
        p.village(),
        EnumSet.of(Role.DIBAO, Role.TEKUN),
        0,
        0,
        EnumSet.of(Story.CAME_OF_AGE),
        null);
  }

  private Divisions.Village otherTownshipsVillage(Divisions.Village current) {
    while (true) {
      Divisions.Village v = divisions.villages().get(rng.nextInt(divisions.villages().size()));
      if (!v.township().equals(current.township())) {
        return v;
      }
    }
  }

  /** Persons on no roster: the rest of the county's insured, and other counties' people. */
  List<SyntheticPerson> others(int count) {
    List<SyntheticPerson> persons = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      persons.add(person(EnumSet.noneOf(Role.class)));
    }
    return persons;
  }

  /**
   * Primary group by share (低保 45 %, 特困 8 %, 返贫致贫 15 %, other monitoring types 11 %, disability 21
   * %), then the overlaps: some 低保 also 特困, disabled or 返贫致贫; many 特困 also disabled (a fifth), a
   * few also monitored as 返贫致贫 by the rural bureau; some disabled persons' households are 返贫致贫.
   */
  private EnumSet<Role> roles() {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    int r = rng.nextInt(1000);
    int overlap = rng.nextInt(1000);
    if (r < 450) {
      roles.add(Role.DIBAO);
      if (overlap < 80) {
        roles.add(Role.DISABILITY);
      } else if (overlap < 147) {
        roles.add(Role.TEKUN);
      } else if (overlap < 167) {
        roles.add(Role.FANPIN);
      }
    } else if (r < 530) {
      roles.add(Role.TEKUN);
      if (overlap < 200) {
        roles.add(Role.DISABILITY);
      } else if (overlap < 230) {
        roles.add(Role.FANPIN);
      }
    } else if (r < 680) {
      roles.add(Role.FANPIN);
    } else if (r < 790) {
      roles.add(Role.MONITORING);
    } else {
      roles.add(Role.DISABILITY);
      if (overlap < 50) {
        roles.add(Role.FANPIN);
      }
    }
    return roles;
  }

  private SyntheticPerson person(Set<Role> roles) {
    boolean male = rng.nextBoolean();
    LocalDate birth = birthDate();
    String id = newId(birth, male);
    Divisions.Village village = divisions.villages().get(rng.nextInt(divisions.villages().size()));
    int grade = 0;
    int kind = 0;
    if (roles.contains(Role.DISABILITY)) {
      grade = 1 + rng.nextInt(4);
      kind = disabilityKind();
    }
    return new SyntheticPerson(
        id,
        SyntheticNames.name(rng, male),
        birth,
        village,
        roles,
        grade,
        kind,
        EnumSet.noneOf(SyntheticPerson.Story.class),
        null);
  }

  /**
   * ~5 % under 16 all year, ~4 % turning 16 and ~4 % turning 60 during the year (40 % of them after
   * 31 August), ~22 % 60 or older all year, the rest of working age; ~1 % born on 29 February.
   */
  private LocalDate birthDate() {
    int r = rng.nextInt(100);
    if (r < 5) {
      return randomDay(year - 15, year - 3);
    }
    if (r < 9) {
      return birthdayInYear(year - 16);
    }
    if (r < 13) {
      return birthdayInYear(year - 60);
    }
    int from = r < 35 ? year - 92 : year - 59;
    int to = r < 35 ? year - 61 : year - 17;
    if (rng.nextInt(100) == 0) {
      int leap = from + rng.nextInt(to - from + 1);
      while (!Year.isLeap(leap)) {
        leap++;
      }
      return LocalDate.of(leap, 2, 29);
    }
    return randomDay(from, to);
  }

  private LocalDate birthdayInYear(int birthYear) {
    if (rng.nextInt(10) < 4) {
      return LocalDate.of(birthYear, 9, 1).plusDays(rng.nextInt(122));
    }
    return LocalDate.of(birthYear, 1, 1).plusDays(rng.nextInt(243));
  }

  private LocalDate randomDay(int fromYear, int toYear) {
    LocalDate from = LocalDate.of(fromYear, 1, 1);
    long days = LocalDate.of(toYear, 12, 31).toEpochDay() - from.toEpochDay();
    return from.plusDays(rng.nextLong(days + 1));
  }

  /** 1 视力 … 7 多重; physical disability (4, 肢体) is the most common. */
  private int disabilityKind() {
    int r = rng.nextInt(100);
    if (r < 40) {
      return 4;
    }
    return new int[] {1, 2, 3, 5, 6, 7}[r % 6];
  }

  /**
   * A unique valid ID: mostly the county's own area code; people born before Chongqing became a
   * municipality (1997) may still carry one of the historical codes. The sequence digit's parity is
   * the sex (odd = male).
   */
  String newId(LocalDate birth, boolean male) {
    for (int attempt = 0; ; attempt++) {
      String area =
          attempt >= CROWDED_AFTER
              ? PensionExport.OTHER_COUNTIES[rng.nextInt(PensionExport.OTHER_COUNTIES.length)]
              : birth.getYear() < 1997 && rng.nextInt(100) < 6
                  ? historicalCodes.get(rng.nextInt(historicalCodes.size()))
                  : countyCode;
      int sexDigit = 2 * rng.nextInt(5) + (male ? 1 : 0);
      String first17 =
          area
              + String.format(
                  Locale.ROOT,
                  "%04d%02d%02d",
                  birth.getYear(),
                  birth.getMonthValue(),
                  birth.getDayOfMonth())
              + String.format(Locale.ROOT, "%02d", rng.nextInt(100))
              + sexDigit;
      String id = first17 + IdNumber.checkCharacter(first17);
      if (usedIds.add(Long.parseLong(first17))) {
        return id;
      }
    }
  }
}
