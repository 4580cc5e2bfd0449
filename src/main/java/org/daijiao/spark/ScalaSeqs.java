package org.daijiao.spark;

import java.util.List;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * Java lists as the Scala sequences some Spark signatures (joins on columns, array rows) ask for.
 */
public final class ScalaSeqs {
  private ScalaSeqs() {}

  public static <T> Seq<T> of(List<T> values) {
    return JavaConverters.asScalaBuffer(values).toList();
  }

  @SafeVarargs
  public static <T> Seq<T> of(T... values) {
    return of(List.of(values));
  }
}
