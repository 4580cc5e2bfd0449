package org.daijiao.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.daijiao.generate.SyntheticPerson.Story;
import org.daijiao.policy.Policy;

/**
 * Dates the rows of one generated county over the policy year, for the monthly snapshots of
 * docs/inputs.md#monthly-snapshots. Rows already carry their own dates (a roster record's start and
 * end, a payment's date, an exclusion's start: {@link RowLife}); this adds what the year-end files
 * do not show: when a pension record was opened, when its holder started drawing the pension, when
 * a department corrected an unusable ID, and when a roster person's address changed. Draws from its
 * own random numbers, in row order, so the year-end files stay as they are.
 */
final class YearEvents {
  /** The changes counted in the monthly summary. */
  enum Event {
    /** A pension record opened during the year (a person turned 16, or enrolled late). */
    ENROLLED,
    /** A county resident record switched to RECEIVING after the 60th birthday. */
    RECEIVING,
    /** A roster row's unusable ID replaced by the right one. */
    ID_FIXED,
    /** A roster person's township or village updated in the department's records. */
    MOVED
  }

  /** The exported status word of a pension being drawn (as {@link PensionExport} writes it). */
  private static final String RECEIVING_WORD = "待遇领取";

  /** The canonical input columns this changes (docs/inputs.md#sources). */
  private static final String ID_NUMBER = "id_number";

  private static final String END_DATE = "end_date";
  private static final String TOWNSHIP = "township";
  private static final String VILLAGE = "village";
  private static final String STATUS = "status";

  private final SplittableRandom rng;
  private final RosterDates dates;
  private final Divisions divisions;
  private final Policy policy;
  private final int year;
  private final LocalDate yearEnd;

  /** Events per kind and month of the year (index 1–12). */
  private final Map<Event, int[]> counts = new EnumMap<>(Event.class);

  /** Where and when each roster person of the current set moved (empty: did not move). */
  private final Map<String, Optional<Move>> moves = new HashMap<>();

  /** The persons of the current set whose move some row shows (counted once). */
  private final Set<String> movesCounted = new HashSet<>();

  /** The day of the first payment in the year of each person of the current set. */
  private final Map<String, LocalDate> firstPayment = new HashMap<>();

  private record Move(Divisions.Village from, LocalDate day) {}

  YearEvents(SplittableRandom rng, Divisions divisions, Policy policy) {
    this.rng = rng;
    this.divisions = divisions;
    this.policy = policy;
    this.year = policy.policyYear();
    this.yearEnd = policy.yearEnd();
    this.dates = new RosterDates(rng, year, policy.regularCutoff());
    for (Event e : Event.values()) {
      counts.put(e, new int[13]);
    }
  }

  /** The files of one set of persons, each row dated; the files must carry their row lives. */
  List<DatedExport> date(List<ExportFile> files) {
    moves.clear();
    movesCounted.clear();
    firstPayment.clear();
    for (ExportFile f : files) {
      for (RowLife life : f.lives()) {
        if (life.kind() == RowLife.Kind.PAYMENT && life.shownFrom().getYear() == year) {
          firstPayment.merge(life.person().id(), life.shownFrom(), (a, b) -> a.isBefore(b) ? a : b);
        }
      }
    }
    List<DatedExport> dated = new ArrayList<>();
    for (ExportFile f : files) {
      dated.add(new DatedExport(f, rows(f)));
    }
    return dated;
  }

  /** How many events of each kind happened on or before {@code day}, over all sets so far. */
  Map<String, Integer> countsUntil(LocalDate day) {
    Map<String, Integer> out = new LinkedHashMap<>();
    int last = day.getYear() < year ? 0 : day.getYear() > year ? 12 : day.getMonthValue();
    counts.forEach(
        (event, perMonth) -> {
          int sum = 0;
          for (int m = 1; m <= last; m++) {
            sum += perMonth[m];
          }
          out.put(event.name().toLowerCase(Locale.ROOT), sum);
        });
    return out;
  }

  private List<DatedRow> rows(ExportFile f) {
    if (f.lives().size() != f.rows().size()) {
      throw new IllegalArgumentException(f.fileName() + " carries no row lives");
    }
    List<DatedRow> out = new ArrayList<>(f.rows().size());
    for (int i = 0; i < f.rows().size(); i++) {
      if (i > 0 && f.rows().get(i) == f.rows().get(i - 1)) {
        // The copy of an exact duplicate row: the same record exported twice, with the same life.
        out.add(out.get(i - 1));
        continue;
      }
      List<Object> cells = new ArrayList<>(f.rows().get(i));
      RowLife life = f.lives().get(i);
      out.add(
          switch (life.kind()) {
            case ROSTER -> rosterRow(f, cells, life);
            case ENROLMENT, COUNTY_ACTIVE_ENROLMENT -> enrolmentRow(f, cells, life);
            case PAYMENT, EXCLUSION -> new DatedRow(cells, life.shownFrom(), List.of());
          });
    }
    return out;
  }

  /**
   * A roster record: shown from its start; its end date empty until the person leaves; 2.5 % of the
   * rows exported with a usable ID had an unusable one until some month; the township and village
   * of a person who moved (2 %) read the old place before the move.
   */
  private DatedRow rosterRow(ExportFile f, List<Object> cells, RowLife life) {
    List<DatedRow.Change> changes = new ArrayList<>();
    int endColumn = f.column(END_DATE);
    if (life.end() != null && endColumn >= 0) {
      changes.add(new DatedRow.Change(endColumn, life.end(), ""));
    }
    SyntheticPerson p = life.person();
    int idColumn = f.column(ID_NUMBER);
    if (p.id().equals(cells.get(idColumn)) && rng.nextInt(1000) < 25) {
      LocalDate from = LocalDate.of(year, 2, 1);
      if (life.shownFrom() != null && life.shownFrom().plusDays(30).isAfter(from)) {
        from = life.shownFrom().plusDays(30);
      }
      LocalDate to = LocalDate.of(year, 12, 1);
      if (!from.isAfter(to)) {
        LocalDate fixed = dates.between(from, to);
        changes.add(new DatedRow.Change(idColumn, fixed, unusable(p.id())));
        count(Event.ID_FIXED, fixed);
      }
    }
    Optional<Move> move = moves.computeIfAbsent(p.id(), id -> drawMove(p));
    int township = f.column(TOWNSHIP);
    int village = f.column(VILLAGE);
    if (move.isPresent() && township >= 0 && village >= 0) {
      Move m = move.get();
      boolean before = life.shownFrom() == null || life.shownFrom().isBefore(m.day());
      boolean open = life.end() == null || !life.end().isBefore(m.day());
      boolean showsHome =
          p.village().township().equals(cells.get(township))
              && p.village().name().equals(cells.get(village));
      if (before && open && showsHome) {
        changes.add(new DatedRow.Change(township, m.day(), m.from().township()));
        changes.add(new DatedRow.Change(village, m.day(), m.from().name()));
        if (movesCounted.add(p.id())) {
          count(Event.MOVED, m.day());
        }
      }
    }
    return new DatedRow(cells, life.shownFrom(), changes);
  }

  /**
   * 2 % of roster persons without a story of their own moved during the year (from February on):
   * from another village of their township or of a township the same civil affairs office serves.
   */
  private Optional<Move> drawMove(SyntheticPerson p) {
    boolean storied = p.has(Story.MOVED) || p.has(Story.LISTED_TWICE) || p.has(Story.CAME_OF_AGE);
    if (storied || rng.nextInt(1000) >= 20) {
      return Optional.empty();
    }
    List<Divisions.Village> villages = divisions.villages();
    Divisions.Village from;
    do {
      from = villages.get(rng.nextInt(villages.size()));
    } while (from.code().equals(p.village().code()) || !sameOffice(from, p.village()));
    LocalDate day = dates.between(LocalDate.of(year, 2, 1), yearEnd);
    return Optional.of(new Move(from, day));
  }

  /** The civil affairs offices split the county by the parity of the township's number. */
  private static boolean sameOffice(Divisions.Village a, Divisions.Village b) {
    return Integer.parseInt(a.code().substring(6, 9)) % 2
        == Integer.parseInt(b.code().substring(6, 9)) % 2;
  }

  /**
   * A pension record: opened after the 16th birthday for a person who turns 16 in the year, and for
   * 4 % of the county's paying records at some day of the year (before the first payment); for 85 %
   * of the county's paying residents who turn 60 in the year, RECEIVING from two to ten weeks after
   * the birthday (the rest never ask for it).
   */
  private DatedRow enrolmentRow(ExportFile f, List<Object> cells, RowLife life) {
    SyntheticPerson p = life.person();
    LocalDate paid = firstPayment.get(p.id());
    LocalDate opened = null;
    LocalDate sixteen = p.birth().plusYears(policy.ages().minAge());
    if (sixteen.getYear() == year) {
      LocalDate to = sixteen.plusDays(60);
      if (paid != null && !paid.isBefore(sixteen) && paid.isBefore(to)) {
        to = paid;
      }
      opened = dates.between(sixteen, to.isAfter(yearEnd) ? yearEnd : to);
    } else if (life.kind() == RowLife.Kind.COUNTY_ACTIVE_ENROLMENT
        && sixteen.getYear() < year
        && rng.nextInt(100) < 4) {
      opened = dates.between(LocalDate.of(year, 1, 1), paid != null ? paid : yearEnd);
    }
    if (opened != null) {
      count(Event.ENROLLED, opened);
    }
    List<DatedRow.Change> changes = new ArrayList<>();
    LocalDate sixty = p.birth().plusYears(policy.ages().maxAge());
    if (life.kind() == RowLife.Kind.COUNTY_ACTIVE_ENROLMENT
        && sixty.getYear() == year
        && rng.nextInt(100) < 85) {
      LocalDate receiving = sixty.plusDays(14 + rng.nextInt(57));
      if (!receiving.isAfter(yearEnd)) {
        int status = f.column(STATUS);
        changes.add(new DatedRow.Change(status, receiving, cells.get(status)));
        cells.set(status, RECEIVING_WORD);
        count(Event.RECEIVING, receiving);
      }
    }
    return new DatedRow(cells, opened, changes);
  }

  /**
   * An ID a clerk got wrong at first, which the ingestion cannot use: a wrong check character, the
   * last digit missing, or Excel's scientific notation.
   */
  private String unusable(String id) {
    return switch (rng.nextInt(3)) {
      case 0 -> id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
      case 1 -> id.substring(0, 17);
      default -> id.charAt(0) + "." + id.substring(1, 6) + "E+17";
    };
  }

  private void count(Event event, LocalDate day) {
    if (day.getYear() == year) {
      counts.get(event)[day.getMonthValue()]++;
    }
  }
}
