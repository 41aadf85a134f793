package org.linuxrouter.daemon.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code linuxrouterd.conf}: one {@code key = value} per line, blank lines, and whole-line comments
 * starting with {@code #}. Strict by design: an unknown key, a key given twice or a value that does not parse
 * is an error, never ignored, because a typo silently falling back to a default is how routers end up
 * listening on the wrong address. All problems are collected and reported together.
 */
public final class ConfigLoader {
  /** Where the packaged daemon reads its configuration. */
  public static final Path DEFAULT_PATH = Path.of("/etc/linuxrouter/linuxrouterd.conf");
  /** The commented example, shipped next to this class; it documents every key with its default. */
  public static final String EXAMPLE_RESOURCE = "linuxrouterd.conf";

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

  private ConfigLoader() {
  }

  /** Reads and validates {@code file}; a missing or unreadable file is an error, not the defaults. */
  public static DaemonConfig load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e, e);
    }
    return parse(file.toString(), utf8(file, bytes));
  }

  /** Validates configuration {@code text}; {@code source} names it in error messages. */
  public static DaemonConfig parse(String source, String text) {
    List<ConfigProblem> problems = new ArrayList<>();
    Map<ConfigKey, Integer> seenAt = new EnumMap<>(ConfigKey.class);
    ConfigDraft draft = new ConfigDraft(DaemonConfig.defaults());
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      parseLine(i + 1, stripCr(lines[i]), draft, seenAt).ifPresent(problems::add);
    }
    if (problems.isEmpty()) {
      tlsNeedsLoopback(draft, seenAt).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(source, problems);
    }
    try {
      return draft.build();
    } catch (BadValue e) {
      // A rule across keys (vrrp_unicast_source needs vrrp_unicast_peers): "key: rule" names the line to blame.
      ConfigKey key = ConfigKey.of(e.expected().substring(0, Math.max(0, e.expected().indexOf(':'))))
          .orElse(ConfigKey.VRRP);
      String expected = e.expected().substring(e.expected().indexOf(':') + 1).strip();
      throw new ConfigException(source, List.of(new ConfigProblem(seenAt.getOrDefault(key, 0), key.word(),
          expected, e.got())));
    }
  }

  private static Optional<ConfigProblem> parseLine(int number, String line, ConfigDraft draft,
      Map<ConfigKey, Integer> seenAt) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return Optional.empty();
    }
    int eq = trimmed.indexOf('=');
    if (eq < 0) {
      return problem(number, trimmed, "key = value or a # comment", "a line without =");
    }
    String word = trimmed.substring(0, eq).strip();
    String value = trimmed.substring(eq + 1).strip();
    if (!KEY.matcher(word).matches()) {
      return problem(number, word, "a key of lowercase letters, digits and _", ConfigValues.quote(word));
    }
    Optional<ConfigKey> key = ConfigKey.of(word);
    if (key.isEmpty()) {
      return problem(number, word, "one of " + ConfigKey.allWords(), "an unknown key");
    }
    Integer first = seenAt.putIfAbsent(key.get(), number);
    if (first != null) {
      return problem(number, word, "each key once", "a second value (first set on line " + first + ")");
    }
    try {
      key.get().apply(draft, value);
      return Optional.empty();
    } catch (BadValue e) {
      return problem(number, word, e.expected(), e.got());
    } catch (IllegalArgumentException e) {
      return problem(number, word, e.getMessage(), ConfigValues.quote(value));
    }
  }

  // Plain HTTP would put the shared-secret signatures and network specs on the wire unencrypted.
  private static Optional<ConfigProblem> tlsNeedsLoopback(ConfigDraft draft, Map<ConfigKey, Integer> seenAt) {
    if (draft.tls || draft.listen.isLoopback()) {
      return Optional.empty();
    }
    return problem(seenAt.get(ConfigKey.TLS), ConfigKey.TLS.word(),
        "on unless listen is a loopback address such as 127.0.0.1 or [::1]",
        "off with listen = " + draft.listen);
  }

  private static Optional<ConfigProblem> problem(int line, String key, String expected, String got) {
    return Optional.of(new ConfigProblem(line, key, expected, got));
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static String utf8(Path file, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException("configuration file " + file + ": expected UTF-8 text, got invalid bytes", e);
    }
  }
}
