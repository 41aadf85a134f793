package org.linuxrouter.lrctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Table and JSON formatting, independent of any command. */
class OutputTest {
  private final StringWriter text = new StringWriter();
  private final Output output = new Output(new PrintWriter(text), false);

  @Test
  void tablesAlignColumnsWithTwoSpacesAndNeverPadTheLastOne() {
    output.table(List.of("name", "v"), List.of(List.of("a", "1"), List.of("longer", "22")));
    assertEquals("NAME    V\na       1\nlonger  22\n", text.toString());
  }

  @Test
  void fieldsAlignValues() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("version", "1");
    fields.put("last reconcile", "never");
    output.fields(fields);
    assertEquals("version         1\nlast reconcile  never\n", text.toString());
  }

  @Test
  void aRowWithTheWrongWidthIsABug() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> output.table(List.of("a", "b"), List.of(List.of("1"))));
    assertEquals("table: expected 2 cells per row, got 1", e.getMessage());
  }

  @Test
  void jsonObjectsKeepOrderAndEscapeStrings() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("file", Path.of("/etc/a \"b\""));
    fields.put("rotated", true);
    assertEquals("{\"file\":\"/etc/a \\\"b\\\"\",\"rotated\":true}", Output.object(fields));
  }
}
