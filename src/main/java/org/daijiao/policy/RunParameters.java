package org.daijiao.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.daijiao.text.Sha256;

/**
 * What a run decides with, as one value: the policy file and the SHA-256 of its bytes, the policy
 * year, the reference date (as_of) and the accepted-repairs file with its SHA-256. A run records it
 * with every table it writes and in {@code ops.runs}; a stage run alone, and every reader, takes it
 * from the run that wrote its inputs (docs/operations.md, "Run parameters").
 *
 * @param policyFile the file given with {@code --policy} (absolute), or {@code
 *     bundled:policy/Y.yaml}
 * @param repairsFile the file given with {@code --accept-repairs} (absolute), or null for none
 * @param repairsSha256 its SHA-256, null exactly when the file is
 */
public record RunParameters(
    String policyFile,
    String policySha256,
    int policyYear,
    LocalDate asOf,
    String repairsFile,
    String repairsSha256) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The key that marks daijiao's parameters in a Delta commit's {@code userMetadata}. */
  private static final String KIND = "daijiao.run";

  public RunParameters {
    Objects.requireNonNull(policyFile, "policyFile");
    Objects.requireNonNull(policySha256, "policySha256");
    Objects.requireNonNull(asOf, "asOf");
    if ((repairsFile == null) != (repairsSha256 == null)) {
      throw new IllegalArgumentException("a repairs file has a hash, and only then");
    }
  }

  /**
   * The parameters of a run with the policy {@code loaded} (its origin: the hash of the bytes that
   * were parsed), {@code asOf} and the accepted-repairs file {@code repairsFile} (or none).
   */
  public static RunParameters of(PolicyLoader.Loaded loaded, LocalDate asOf, Path repairsFile) {
    return new RunParameters(
        loaded.origin().file(),
        loaded.origin().sha256(),
        loaded.policy().policyYear(),
        asOf,
        repairsFile == null ? null : repairsFile.toAbsolutePath().normalize().toString(),
        repairsFile == null ? null : sha256(repairsFile));
  }

  /**
   * As {@link #of(PolicyLoader.Loaded, LocalDate, Path)} for a policy already parsed from {@code
   * policyFile} (the bundled one when null): the file's bytes are read again to hash them.
   */
  public static RunParameters of(Path policyFile, Policy policy, LocalDate asOf, Path repairsFile) {
    return of(
        new PolicyLoader.Loaded(policy, PolicyLoader.origin(policyFile, policy.policyYear())),
        asOf,
        repairsFile);
  }

  /**
   * The policy this run applies, read again from its file, which must still have its bytes: the
   * bytes are read once, their hash compared, then parsed.
   */
  public Policy loadPolicy() {
    Path file = policyFile.startsWith("bundled:") ? null : Path.of(policyFile);
    return PolicyLoader.read(
            file,
            policyYear,
            now -> {
              if (!now.sha256().equals(policySha256)) {
                throw new PolicyException(
                    "Policy file "
                        + policyFile
                        + " has changed since the run that wrote these tables used it (SHA-256 "
                        + policySha256.substring(0, 12)
                        + "… then, "
                        + now.sha256().substring(0, 12)
                        + "… now): restore that file, or run `bin/daijiao run --policy FILE`"
                        + " again.");
              }
            })
        .policy();
  }

  /** The value a Delta commit carries in its {@code userMetadata}. */
  public String toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("kind", KIND);
    node.put("policy_file", policyFile);
    node.put("policy_sha256", policySha256);
    node.put("policy_year", policyYear);
    node.put("as_of", asOf.toString());
    node.put("repairs_file", repairsFile);
    node.put("repairs_sha256", repairsSha256);
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The parameters a commit's {@code userMetadata} carries; none for another writer's text. */
  public static Optional<RunParameters> fromJson(String userMetadata) {
    if (userMetadata == null || userMetadata.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(userMetadata);
      if (node == null || !KIND.equals(node.path("kind").asText())) {
        return Optional.empty();
      }
      return Optional.of(
          new RunParameters(
              node.path("policy_file").asText(),
              node.path("policy_sha256").asText(),
              node.path("policy_year").asInt(),
              LocalDate.parse(node.path("as_of").asText()),
              text(node, "repairs_file"),
              text(node, "repairs_sha256")));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /**
   * Why a stage with these parameters may not go on from tables written with {@code recorded}: a
   * different as_of or a different policy (file content); empty when they agree. The accepted
   * repairs shape only resolution, so they are not compared.
   */
  public Optional<String> disagreementWith(RunParameters recorded) {
    if (recorded.policyYear() != policyYear || !recorded.asOf().equals(asOf)) {
      return Optional.of(
          "as_of " + recorded.asOf() + " (recorded) against " + asOf + " (this command)");
    }
    if (!recorded.policySha256().equals(policySha256)) {
      return Optional.of(
          "policy "
              + recorded.policyFile()
              + " (recorded, SHA-256 "
              + recorded.policySha256().substring(0, 12)
              + "…) against "
              + policyFile
              + " (this command, SHA-256 "
              + policySha256.substring(0, 12)
              + "…)");
    }
    return Optional.empty();
  }

  /** The policy file as a command line gives it again: nothing for the bundled policy. */
  public String policyOption() {
    return policyFile.startsWith("bundled:") ? "" : " --policy " + policyFile;
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Sha256.hex(in);
    } catch (IOException e) {
      throw new PolicyException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
