package org.daijiao.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.daijiao.text.Sha256;

/**
 * Reads a policy file (YAML) and refuses one that the rules could not use, naming every problem at
 * once ({@link PolicyValidation}). The bundled file is {@code policy/<year>.yaml} on the class
 * path; {@code --policy FILE} overrides it. The file's bytes are read once: the policy is parsed
 * from the very bytes whose SHA-256 the run records ({@link Loaded}).
 */
public final class PolicyLoader {
  /** The policy year shipped with this version. */
  public static final int DEFAULT_YEAR = 2022;

  private PolicyLoader() {}

  /**
   * Where a run's policy came from: the file given with {@code --policy} (absolute) or the bundled
   * resource, and the SHA-256 of its bytes, which the run record keeps (two runs compare only under
   * the same rules).
   */
  public record Origin(String file, String sha256) {}

  /** A policy and the origin of the bytes it was parsed from. */
  public record Loaded(Policy policy, Origin origin) {}

  /** The bytes of a policy file as read once; {@code name} is how messages call it. */
  private record Bytes(byte[] content, String name, Origin origin) {
    Loaded parse() {
      return new Loaded(PolicyLoader.parse(content, name), origin);
    }
  }

  /** The bundled policy of a year. */
  public static Policy bundled(int year) {
    return readBundled(year, "; pass --policy FILE for another year.").policy();
  }

  /** The bundled policy of the default year. */
  public static Policy bundled() {
    return bundled(DEFAULT_YEAR);
  }

  /** A policy file given by the user. */
  public static Policy fromFile(Path file) {
    return readFile(file).policy();
  }

  /**
   * Either the file, when given, or the bundled policy of {@code year} (the default year when
   * null).
   */
  public static Policy load(Path file, Integer year) {
    return read(file, year).policy();
  }

  /** As {@link #load}, with the origin of the bytes that were parsed. */
  public static Loaded read(Path file, Integer year) {
    Loaded loaded =
        file != null
            ? readFile(file)
            : readBundled(
                year != null ? year : DEFAULT_YEAR, "; pass --policy FILE for another year.");
    return requireYear(loaded, year);
  }

  /**
   * The policy of {@code file} (the bundled one of {@code year} when null), read once: {@code
   * check} sees the origin of its bytes before they are parsed, and may refuse them by throwing
   * (the run that recorded them had other bytes).
   */
  public static Loaded read(Path file, int year, Consumer<Origin> check) {
    Bytes bytes = bytes(file, year);
    check.accept(bytes.origin());
    return requireYear(bytes.parse(), year);
  }

  /** The origin of the policy {@link #load} reads for these options: its bytes hashed. */
  public static Origin origin(Path file, int year) {
    return bytes(file, year).origin();
  }

  private static Loaded requireYear(Loaded loaded, Integer year) {
    int found = loaded.policy().policyYear();
    if (year != null && found != year) {
      throw new PolicyException(
          "The policy file is for year "
              + found
              + " but --year "
              + year
              + " was asked for; pass the policy file of "
              + year
              + " with --policy.");
    }
    return loaded;
  }

  private static Loaded readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new PolicyException("Policy file " + file + " does not exist or is not a file.");
    }
    return fileBytes(file).parse();
  }

  private static Loaded readBundled(int year, String hint) {
    String resource = resource(year);
    try {
      return bundledBytes(year, hint).parse();
    } catch (IOException e) {
      throw new PolicyException("Cannot read bundled " + resource + ": " + e.getMessage(), e);
    }
  }

  /** The bytes of the file, or of the bundled policy of {@code year} when it is null. */
  private static Bytes bytes(Path file, int year) {
    if (file == null) {
      try {
        return bundledBytes(year, ".");
      } catch (IOException e) {
        throw new PolicyException("Cannot read policy file null: " + e.getMessage(), e);
      }
    }
    return fileBytes(file);
  }

  private static Bytes fileBytes(Path file) {
    try {
      byte[] content = Files.readAllBytes(file);
      return new Bytes(
          content,
          file.toString(),
          new Origin(file.toAbsolutePath().normalize().toString(), Sha256.hex(content)));
    } catch (IOException e) {
      throw new PolicyException("Cannot read policy file " + file + ": " + e.getMessage(), e);
    }
  }

  private static Bytes bundledBytes(int year, String hint) throws IOException {
    String resource = resource(year);
    try (InputStream in = PolicyLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new PolicyException(
            "No bundled policy for year " + year + " (" + resource + ")" + hint);
      }
      byte[] content = in.readAllBytes();
      return new Bytes(
          content, "bundled " + resource, new Origin("bundled:" + resource, Sha256.hex(content)));
    }
  }

  private static String resource(int year) {
    return "policy/" + year + ".yaml";
  }

  static Policy parse(byte[] content, String origin) {
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    Policy policy;
    try {
      policy = mapper.readValue(new ByteArrayInputStream(content), Policy.class);
    } catch (IOException e) {
      throw new PolicyException("Policy " + origin + " is not well-formed: " + e.getMessage(), e);
    }
    List<String> problems = PolicyValidation.problems(policy);
    if (!problems.isEmpty()) {
      throw new PolicyException(
          "Policy " + origin + " is invalid:\n  - " + String.join("\n  - ", problems));
    }
    return policy;
  }
}
