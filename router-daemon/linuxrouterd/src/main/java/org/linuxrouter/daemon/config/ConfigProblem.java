package org.linuxrouter.daemon.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration file.
 *
 * @param line 1-based line number
 * @param key the key on that line, or the whole line's text when it has no key
 * @param expected what would have been accepted
 * @param got what the line said
 */
public record ConfigProblem(int line, String key, String expected, String got) {
  public ConfigProblem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(got, "got");
  }

  @Override
  public String toString() {
    return "line " + line + ": " + key + ": expected " + expected + ", got " + got;
  }
}
