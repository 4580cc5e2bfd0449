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
    return builder(runId, command, arguments, startedAt.toString())
        .host(hostName())
        .pid(self.pid())
        .processStartedAt(self.info().startInstant().map(Instant::toString).orElse(null))
        .build();
  }

  /** A holder with these names and nothing learnt yet: no policy, inputs, versions or error. */
  static Builder builder(String runId, String command, List<String> arguments, String startedAt) {
    return new Builder(runId, command, arguments, startedAt);
  }

  /** A builder that starts from this holder. */
  Builder toBuilder() {
    Builder b = new Builder(runId, command, arguments, startedAt);
    b.host = host;
    b.pid = pid;
    b.processStartedAt = processStartedAt;
    b.policyFile = policyFile;
    b.policySha256 = policySha256;
    b.policyYear = policyYear;
    b.asOf = asOf;
    b.inputDir = inputDir;
    b.inputFiles = inputFiles;
    b.versionsAtStart = versionsAtStart;
    b.scratchDirs = scratchDirs;
    b.failedWith = failedWith;
    return b;
  }

  /** The run's policy, once it knows it. */
  LockHolder withPolicy(String file, String sha256, Integer year, String asOf) {
    Builder b = toBuilder();
    b.policyFile = file;
    b.policySha256 = sha256;
    b.policyYear = year;
    b.asOf = asOf;
    return b.build();
  }

  /** The run's input files, once it has read them. */
  LockHolder withInputs(String dir, List<RunRecord.InputFile> files) {
    Builder b = toBuilder();
    b.inputDir = dir;
    b.inputFiles = files;
    return b.build();
  }

  /** The tables' versions and Spark's scratch directories when the run started. */
  LockHolder withStart(Map<String, Long> versions, List<String> dirs) {
    Builder b = toBuilder();
    b.versionsAtStart = versions;
    b.scratchDirs = dirs;
    return b.build();
  }

  /** The holder of a run that failed with {@code errorClass} and could not record itself. */
  LockHolder withFailure(String errorClass) {
    Builder b = toBuilder();
    b.failedWith = errorClass;
    return b.build();
  }

  /** A holder built field by field: the one place that lists them all in order. */
  static final class Builder {
    private final String runId;
    private final String command;
    private final List<String> arguments;
    private final String startedAt;
    private String host;
    private long pid;
    private String processStartedAt;
    private String policyFile;
    private String policySha256;
    private Integer policyYear;
    private String asOf;
    private String inputDir;
    private List<RunRecord.InputFile> inputFiles;
    private Map<String, Long> versionsAtStart = Map.of();
    private List<String> scratchDirs = List.of();
    private String failedWith;

    private Builder(String runId, String command, List<String> arguments, String startedAt) {
      this.runId = runId;
      this.command = command;
      this.arguments = arguments;
      this.startedAt = startedAt;
    }

    Builder host(String name) {
      this.host = name;
      return this;
    }

    Builder pid(long id) {
      this.pid = id;
      return this;
    }

    Builder processStartedAt(String instant) {
      this.processStartedAt = instant;
      return this;
    }

    LockHolder build() {
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
          failedWith);
    }
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
