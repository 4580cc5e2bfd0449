package org.daijiao.ops;

import java.time.Instant;
import java.util.List;

/**
 * A child JVM for {@link WarehouseLockTest}: takes the lock of the warehouse named by its argument
 * as run {@code child-run}, says {@code locked} on stdout, and holds it until it is killed.
 */
public final class LockHoldingProcess {
  private LockHoldingProcess() {}

  public static void main(String[] args) throws InterruptedException {
    LockHolder me =
        LockHolder.of("child-run", "run", List.of("--as-of", "2022-08-31"), Instant.now());
    WarehouseLock lock = new LocalWarehouseLock(args[0]);
    if (lock.tryAcquire(me) != null) {
      System.out.println("held by another run");
      return;
    }
    System.out.println("locked");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
