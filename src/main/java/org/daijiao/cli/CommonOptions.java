package org.daijiao.cli;

import picocli.CommandLine.Option;

/** Options every sub-command takes. */
final class CommonOptions {
  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      description = "Warehouse directory of the Delta tables (default: ${DEFAULT-VALUE}).",
      defaultValue = "warehouse")
  String warehouse;

  @Option(names = "--verbose", description = "Show Spark's and Delta's logs and full stack traces.")
  boolean verbose;
}
