package org.daijiao.ops;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the warehouse lock file says about the run that holds it: enough to name it to a second run,
 * to tell whether its process is gone, and to record it in {@code ops.runs} if it was killed (the
 * run that takes the lock over appends that record). No personal data: ids, paths, dates, hashes.
 *
 * @param startedAt ISO-8601 instant
 * @param processStartedAt when the holder's process started (ISO-8601), to tell it from a later
 *     process that got the same pid
 * @param versionsAtStart every table's Delta version when the run started: the tables a killed run
 *     changed are those whose version moved since
 * @param scratchDirs Spark's local directories of the run (shuffle and spill files with rows),
 *     which a run taking over the lock of a killed run on the same host removes
 * @param failedWith the error class of a run that failed and could not append its record (a full
 *     disk): the next writer records it as FAILED with it; null while the run runs or when it was
 *     killed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LockHolder(
    @JsonProperty("run_id") String runId,
    @JsonProperty("command") String command,
    @JsonProperty("arguments") List<String> arguments,
    @JsonProperty("started_at") String startedAt,
    @JsonProperty("host") String host,
    @JsonProperty("pid") long pid,
    @JsonProperty("process_started_at") String processStartedAt,
    @JsonProperty("policy_file") String policyFile,
    @JsonProperty("policy_sha256") String policySha256,
    @JsonProperty("policy_year") Integer policyYear,
    @JsonProperty("as_of") String asOf,
    @JsonProperty("input_dir") String inputDir,
    @JsonProperty("input_files") List<RunRecord.InputFile> inputFiles,
    @JsonProperty("versions_at_start") Map<String, Long> versionsAtStart,
    @JsonProperty("scratch_dirs") List<String> scratchDirs,
    @JsonProperty("failed_with") String failedWith) {

  /** The holder for this process. */
  public static LockHolder of(
      String runId, String command, List<String> arguments, Instant startedAt) {
    ProcessHandle self = ProcessHandle.current();
    return new LockHolder(
        runId,
        command,
        arguments,
        startedAt.toString(),
        hostName(),
        self.pid(),
        self.info().startInstant().map(Instant::toString).orElse(null),
        null,
        null,
        null,
        null,
        null,
        null,
        Map.of(),
        List.of(),
        null);
  }

  LockHolder withPolicy(String file, String sha256, Integer year, String asOf) {
    return new LockHolder(
        runId,
        command,
        arguments,
        startedAt,
        host,
        pid,
        processStartedAt,
        file,
        sha256,
        year,
        asOf,
        inputDir,
        inputFiles,
        versionsAtStart,
        scratchDirs,
        failedWith);
  }

  LockHolder withInputs(String dir, List<RunRecord.InputFile> files) {
    return new LockHolder(
        runId,
        command,
        arguments,
        startedAt,
        host,
        pid,
        processStartedAt,
        policyFile,
        policySha256,
        policyYear,
        asOf,
        dir,
        files,
        versionsAtStart,
        scratchDirs,
        failedWith);
  }

  LockHolder withStart(Map<String, Long> versions, List<String> dirs) {
    return new LockHolder(
        runId,
        command,
        arguments,
        startedAt,
        host,
        pid,
        processStartedAt,
        policyFile,
        policySha256,
        policyYear,
        asOf,
        inputDir,
        inputFiles,
        versions,
        dirs,
        failedWith);
  }

  /** The holder of a run that failed with {@code errorClass} and could not record itself. */
  LockHolder withFailure(String errorClass) {
    return new LockHolder(
        runId,
        command,
        arguments,
        startedAt,
        host,
        pid,
        processStartedAt,
        policyFile,
        policySha256,
        policyYear,
        asOf,
        inputDir,
        inputFiles,
        versionsAtStart,
        scratchDirs,
        errorClass);
  }

  /** True when the run has ended: it failed and said so, so its process no longer writes. */
  boolean ended() {
    return failedWith != null;
  }

  /** True when the holder ran on this machine. */
  boolean onThisHost() {
    return hostName().equals(host);
  }

  /**
   * True when the holder's process is known to be alive: on this host, a process with its pid that
   * started when it did. False when it is gone; empty when it ran on another host.
   */
  Optional<Boolean> processAlive() {
    if (!onThisHost()) {
      return Optional.empty();
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return Optional.of(false);
    }
    Optional<Instant> start = process.get().info().startInstant();
    return Optional.of(
        processStartedAt == null
            || start.isEmpty()
            || start.get().toString().equals(processStartedAt));
  }

  static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "unknown-host";
    }
  }
}
