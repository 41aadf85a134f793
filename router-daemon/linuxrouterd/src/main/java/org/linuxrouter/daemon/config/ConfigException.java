package org.linuxrouter.daemon.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration cannot be used; the message lists every problem, one per line. */
public final class ConfigException extends RuntimeException {
  private final transient List<ConfigProblem> problems;

  ConfigException(String source, List<ConfigProblem> problems) {
    super(source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n"
        + problems.stream().map(p -> source + ":" + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  ConfigException(String message, Throwable cause) {
    super(message, cause);
    this.problems = List.of();
  }

  /** Every problem found, in line order; empty when the file could not be read at all. */
  public List<ConfigProblem> problems() {
    return problems;
  }
}
