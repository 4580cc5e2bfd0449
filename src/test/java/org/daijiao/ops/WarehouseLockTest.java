package org.daijiao.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.UserFacingException;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.api.Test;

/**
 * One writer per warehouse (issue 10): a second run stops at once naming the run that writes; a
 * lock left by a killed process is taken over and its run reported; a lock file that names a live
 * process the kernel does not see holding it is not taken over (a file system without locks). The
 * cross-process case runs a small child JVM (no Spark, about a second) and kills it with SIGKILL.
 */
class WarehouseLockTest {
  private static final SparkSession SPARK = TestSpark.session();

  private static Warehouse fresh() {
    return new Warehouse(PipelineFixture.tempDir("lock-warehouse").toString());
  }

  private static LockHolder holder(String runId) {
    return LockHolder.of(runId, "run", List.of("--as-of", "2022-12-31"), Instant.now());
  }

  @Test
  void aSecondRunStopsAtOnceNamingTheRunThatIsWriting() {
    Warehouse w = fresh();
    try (WarehouseLock first =
        WarehouseLock.acquire(SPARK, w, holder("first-run"), Duration.ZERO)) {
      Instant t0 = Instant.now();
      assertThatThrownBy(() -> WarehouseLock.acquire(SPARK, w, holder("second-run"), Duration.ZERO))
          .isInstanceOf(UserFacingException.class)
          .hasMessageStartingWith("another daijiao run (run id first-run, started ")
          .hasMessageContaining(") is writing to " + w.root());
      assertThat(Duration.between(t0, Instant.now()))
          .as("the second run stops at once, without waiting")
          .isLessThan(Duration.ofSeconds(2));
      assertThat(WarehouseLock.isHeld(SPARK, w)).as("the first run holds the lock").isTrue();
    }
    assertThat(WarehouseLock.current(SPARK, w))
        .as("a run that ends normally clears the lock's text")
        .isNull();
    try (WarehouseLock next = WarehouseLock.acquire(SPARK, w, holder("next-run"), Duration.ZERO)) {
      assertThat(next.previous()).as("nothing to take over after a normal end").isNull();
    }
  }

  @Test
  void aLockHeldByAnotherProcessStopsTheSecondRunAndIsTakenOverOnceThatProcessIsKilled()
      throws Exception {
    Warehouse w = fresh();
    Process child =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                LockHoldingProcess.class.getName(),
                w.root())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).as("the child process says it holds the lock").isEqualTo("locked");

      assertThatThrownBy(() -> WarehouseLock.acquire(SPARK, w, holder("mine"), Duration.ZERO))
          .as("a lock held by another process")
          .isInstanceOf(UserFacingException.class)
          .hasMessageStartingWith("another daijiao run (run id child-run, started ")
          .hasMessageContaining("is writing to " + w.root())
          .hasMessageContaining("process " + child.pid());
      assertThat(WarehouseLock.isHeld(SPARK, w)).as("runs sees the child's run").isTrue();

      child.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs in the child
      child.waitFor();
      assertThat(WarehouseLock.isHeld(SPARK, w))
          .as("the lock file still names the killed run, whose process is gone")
          .isFalse();
      try (WarehouseLock mine = WarehouseLock.acquire(SPARK, w, holder("mine"), Duration.ZERO)) {
        assertThat(mine.previous())
            .as("the run that takes over the killed run's lock knows which run it was")
            .isNotNull();
        assertThat(mine.previous().runId()).isEqualTo("child-run");
        assertThat(mine.previous().arguments()).containsExactly("--as-of", "2022-08-31");
        assertThat(mine.previous().pid()).isEqualTo(child.pid());
      }
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void aLockThatNamesALiveProcessNotHoldingItIsNeverTakenOver() throws Exception {
    // What a file system without locks (NFS without lockd) looks like: the text names this very
    // process, which is alive, but the kernel lock is free.
    Warehouse w = fresh();
    Path lock = Path.of(w.root(), "_daijiao", "lock");
    Files.createDirectories(lock.getParent());
    Files.write(
        lock, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(holder("alive")));

    assertThatThrownBy(() -> WarehouseLock.acquire(SPARK, w, holder("mine"), Duration.ZERO))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("names run alive of process " + ProcessHandle.current().pid())
        .hasMessageContaining("does not lock files");
  }

  @Test
  void waitingGetsTheLockWhenTheOtherRunEnds() throws Exception {
    Warehouse w = fresh();
    WarehouseLock first = WarehouseLock.acquire(SPARK, w, holder("first-run"), Duration.ZERO);
    Thread ender =
        new Thread(
            () -> {
              try {
                Thread.sleep(500);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              first.close();
            });
    ender.start();
    try (WarehouseLock second =
        WarehouseLock.acquire(SPARK, w, holder("second-run"), Duration.ofMinutes(1))) {
      assertThat(second.previous()).as("the first run ended normally").isNull();
    }
    ender.join();
  }

  @Test
  void onHdfsAndObjectStoresADeadProcessOrAStaleHeartbeatIsTakenOver() throws Exception {
    // The heartbeat lock of non-local warehouses, exercised on the local file system.
    Warehouse w = fresh();
    LockHolder elsewhere =
        new LockHolder(
            "remote-run",
            "run",
            List.of(),
            Instant.now().toString(),
            "another-host",
            42,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of(),
            List.of(),
            null);
    SharedWarehouseLock remote = new SharedWarehouseLock(SPARK, w, w.root());
    assertThat(remote.tryAcquire(elsewhere)).as("the first run creates the lock").isNull();
    try {
      SharedWarehouseLock mine = new SharedWarehouseLock(SPARK, w, w.root());
      assertThat(mine.tryAcquire(holder("mine")))
          .as("a fresh heartbeat: the run on the other host holds the lock")
          .isNotNull()
          .extracting(LockHolder::runId)
          .isEqualTo("remote-run");

      Files.setLastModifiedTime(
          Path.of(w.root(), "_daijiao", "lock"),
          FileTime.from(Instant.now().minus(WarehouseLock.STALE).minusSeconds(60)));
      assertThat(SharedWarehouseLock.isDead(SPARK, w, elsewhere)).as("a stale heartbeat").isTrue();
      assertThat(mine.tryAcquire(holder("mine"))).as("a stale lock is taken over").isNull();
      assertThat(mine.previous().runId()).isEqualTo("remote-run");
      assertThat(WarehouseLock.current(SPARK, w).runId()).isEqualTo("mine");
      mine.close();
      assertThat(WarehouseLock.current(SPARK, w)).as("released: the file is gone").isNull();
    } finally {
      remote.leaveForNextRun(); // it no longer owns the file: stop its heartbeat only
      remote.close();
    }

    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    LockHolder dead =
        new LockHolder(
            "dead-run",
            "run",
            List.of(),
            Instant.now().toString(),
            LockHolder.hostName(),
            gone.pid(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of(),
            List.of(),
            null);
    SharedWarehouseLock killed = new SharedWarehouseLock(SPARK, w, w.root());
    assertThat(killed.tryAcquire(dead)).isNull();
    killed.leaveForNextRun();
    killed.close();
    SharedWarehouseLock next = new SharedWarehouseLock(SPARK, w, w.root());
    assertThat(next.tryAcquire(holder("next")))
        .as("a lock whose process on this host is gone is taken over at once")
        .isNull();
    assertThat(next.previous().runId()).isEqualTo("dead-run");
    next.close();
  }
}
