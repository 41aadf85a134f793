package org.linuxrouter.lrctl;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything lrctl prints on stdout goes through here: plain lines, aligned tables, {@code key  value} blocks, and
 * JSON for {@code --json}. Tables separate columns with two spaces and never pad the last column, so
 * {@code awk} and {@code column} both read them; JSON is one compact document per line.
 */
final class Output {
  private static final String GAP = "  ";

  private final PrintWriter out;
  private final boolean json;

  Output(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  /** Whether {@code --json} was given: commands print {@link #json} instead of text. */
  boolean json() {
    return json;
  }

  void line(String text) {
    out.println(text);
    out.flush();
  }

  /** An encoded JSON document (the codec's output or {@link #object}'s), on one line. */
  void json(String document) {
    line(document);
  }

  /** A table with an upper-case header row. Every row has as many cells as the header. */
  void table(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header.stream().map(h -> h.toUpperCase(java.util.Locale.ROOT)).toList());
    all.addAll(rows);
    aligned(all);
  }

  /** {@code key  value} lines with the values aligned: one record, such as a network or the daemon status. */
  void fields(Map<String, String> fields) {
    aligned(fields.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
  }

  private void aligned(List<List<String>> rows) {
    int columns = rows.get(0).size();
    int[] width = new int[columns];
    for (List<String> row : rows) {
      if (row.size() != columns) {
        throw new IllegalArgumentException("table: expected " + columns + " cells per row, got " + row.size());
      }
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        boolean last = i == columns - 1;
        text.append(last ? row.get(i) : pad(row.get(i), width[i]) + GAP);
      }
      out.println(text.toString().stripTrailing());
    }
    out.flush();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }

  /** A flat JSON object of strings and booleans, in the map's order (use a LinkedHashMap). */
  static String object(Map<String, ?> fields) {
    StringWriter text = new StringWriter();
    try (JsonWriter writer = new JsonWriter(text)) {
      writer.setHtmlSafe(false);
      writer.beginObject();
      for (Map.Entry<String, ?> field : fields.entrySet()) {
        writer.name(field.getKey());
        if (field.getValue() instanceof Boolean flag) {
          writer.value(flag);
        } else {
          writer.value(String.valueOf(field.getValue()));
        }
      }
      writer.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException("json: expected to write to memory, got an i/o error", e);
    }
    return text.toString();
  }
}
