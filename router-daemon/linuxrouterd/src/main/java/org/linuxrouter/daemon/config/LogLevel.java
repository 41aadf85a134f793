package org.linuxrouter.daemon.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.logging.Level;
import java.util.stream.Collectors;

/** The daemon's log threshold, spelled the way operators expect; maps onto java.util.logging. */
public enum LogLevel {
  ERROR(Level.SEVERE),
  WARN(Level.WARNING),
  INFO(Level.INFO),
  DEBUG(Level.FINE),
  TRACE(Level.FINEST);

  private final Level julLevel;

  LogLevel(Level julLevel) {
    this.julLevel = julLevel;
  }

  /** The java.util.logging level with the same meaning. */
  public Level julLevel() {
    return julLevel;
  }

  /** The spelling used in the configuration file. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  static LogLevel parse(String text) {
    for (LogLevel level : values()) {
      if (level.word().equals(text)) {
        return level;
      }
    }
    throw new IllegalArgumentException("one of " + Arrays.stream(values()).map(LogLevel::word)
        .collect(Collectors.joining("|")));
  }
}
