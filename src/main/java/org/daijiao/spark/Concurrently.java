package org.daijiao.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs a job's independent writes (each to its own table) at the same time. A Delta write of a
 * county-sized table is mostly driver work — planning, reading the table's log, committing — during
 * which the executors wait; several writes at once keep them busy (measured on the sample:
 * docs/performance.md#levers). Spark's scheduler is thread-safe and Delta commits to different
 * tables never conflict; no two tasks may write the same table.
 *
 * <p>The threads are made by the calling thread, so they inherit its Spark job group and active
 * session (both are inheritable thread-locals). Every task runs to its end even when another fails:
 * each write is atomic on its own, and the first failure (in task order) is rethrown with the
 * others attached as suppressed.
 */
public final class Concurrently {
  /** System property: how many writes run at once (default 4; 1 writes one table after another). */
  public static final String THREADS = "daijiao.writeThreads";

  private Concurrently() {}

  /** The results of {@code tasks}, in their order. */
  public static <T> List<T> all(List<Supplier<T>> tasks) {
    int threads = Math.min(tasks.size(), Math.max(1, Integer.getInteger(THREADS, 4)));
    if (threads <= 1) {
      List<T> results = new ArrayList<>();
      tasks.forEach(t -> results.add(t.get()));
      return results;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "daijiao-write");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> futures = new ArrayList<>();
      tasks.forEach(t -> futures.add(pool.submit(t::get)));
      List<T> results = new ArrayList<>();
      RuntimeException first = null;
      for (Future<T> f : futures) {
        try {
          results.add(waitFor(f));
        } catch (RuntimeException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T waitFor(Future<T> future) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          // Keep waiting: a write left running behind the caller's back would outlive its job.
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
