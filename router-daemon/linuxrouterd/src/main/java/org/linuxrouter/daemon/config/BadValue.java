package org.linuxrouter.daemon.config;

/** A value that does not parse: carries what was expected and what was found, for the loader's report. */
final class BadValue extends IllegalArgumentException {
  private final String expected;
  private final String got;

  BadValue(String expected, String got) {
    super("expected " + expected + ", got " + got);
    this.expected = expected;
    this.got = got;
  }

  String expected() {
    return expected;
  }

  String got() {
    return got;
  }
}
