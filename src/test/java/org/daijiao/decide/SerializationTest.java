package org.daijiao.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.daijiao.person.PersonBuilder;
import org.daijiao.person.PersonTimeline;
import org.junit.jupiter.api.Test;

/** Spark ships the decider to executors and decisions back: both must survive serialisation. */
class SerializationTest {

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void deciderTimelineAndDecisionSurviveJavaSerialisation() throws Exception {
    PersonTimeline person =
        PersonBuilder.born("1980-05-01")
            .dibao("2021-01-01", null)
            .student("2022-01-01", "2022-02-28")
            .countyResident("ACTIVE", "200")
            .selfPaid(2022, "130", "2022-04-01")
            .build();
    Decider decider = roundTrip(new Decider(Rules2022.POLICY, Rules2022.YEAR_END));
    Decision decision = decider.decide(roundTrip(person));
    assertThat(roundTrip(decision)).isEqualTo(decision);
    assertThat(decision.firstEligibleDate()).isEqualTo("2022-03-01");
  }
}
