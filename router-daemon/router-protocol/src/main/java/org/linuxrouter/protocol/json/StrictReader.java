package org.linuxrouter.protocol.json;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linuxrouter.protocol.model.ValidationException;

/**
 * Gson's non-lenient {@link JsonReader} plus what it does not check itself: duplicate keys, explicit
 * types, integers without fraction or exponent, and one document per body. Errors name the JSON path.
 */
final class StrictReader {
  /** The field reported for errors about the body as a whole. */
  static final String BODY = "body";

  private static final Pattern INTEGER = Pattern.compile("0|-?[1-9][0-9]{0,18}");
  private static final Pattern POSITION = Pattern.compile("line (\\d+) column (\\d+)");

  /** Handles one field of an object; throws {@link #unknownField} for names it does not know. */
  interface FieldHandler {
    void field(String name, String path) throws IOException;
  }

  private final JsonReader json;

  StrictReader(String text) {
    this.json = new JsonReader(new StringReader(text));
    json.setLenient(false);
  }

  /** Reads a whole body that must be one object, then nothing but whitespace. */
  static <T> T document(String text, Function<StrictReader, T> body) {
    if (text == null) {
      throw new ValidationException(BODY, "expected a json object, got no body");
    }
    StrictReader reader = new StrictReader(text);
    try {
      reader.expect("", JsonToken.BEGIN_OBJECT);
      T value = body.apply(reader);
      if (reader.json.peek() != JsonToken.END_DOCUMENT) {
        throw new ValidationException(BODY, "expected one json object, got more after it");
      }
      return value;
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      throw syntax(e);
    } catch (UncheckedSyntax e) {
      throw syntax(e.getCause());
    }
  }

  private static ValidationException syntax(Throwable cause) {
    String message = cause.getMessage() == null ? "" : cause.getMessage();
    Matcher at = POSITION.matcher(message);
    String where = at.find() ? " at line " + at.group(1) + " column " + at.group(2) : "";
    ValidationException e = new ValidationException(BODY, "expected well-formed json (rfc 8259), got a syntax error"
        + where);
    e.initCause(cause);
    return e;
  }

  /** Reads an object: each field once, handled by {@code handler}. */
  void object(String path, FieldHandler handler) {
    run(() -> {
      expect(path, JsonToken.BEGIN_OBJECT);
      json.beginObject();
      Set<String> seen = new HashSet<>();
      while (json.hasNext()) {
        String name = json.nextName();
        String child = path.isEmpty() ? name : path + "." + name;
        if (!seen.add(name)) {
          throw new ValidationException(child, "expected each field once, got a duplicate key");
        }
        handler.field(name, child);
      }
      json.endObject();
    });
  }

  /** Reads an array, each element with {@code element} at path {@code path[i]}. */
  <T> List<T> array(String path, Function<String, T> element) {
    List<T> values = new ArrayList<>();
    run(() -> {
      expect(path, JsonToken.BEGIN_ARRAY);
      json.beginArray();
      while (json.hasNext()) {
        values.add(element.apply(path + "[" + values.size() + "]"));
      }
      json.endArray();
    });
    return values;
  }

  String string(String path) {
    return call(() -> {
      expect(path, JsonToken.STRING);
      return json.nextString();
    });
  }

  /** A string parsed by a model parser; the parser's error is reported at {@code path}. */
  <T> T scalar(String path, Function<String, T> parse) {
    String text = string(path);
    try {
      return parse.apply(text);
    } catch (ValidationException e) {
      throw e.at(path);
    }
  }

  boolean bool(String path) {
    return call(() -> {
      expect(path, JsonToken.BOOLEAN);
      return json.nextBoolean();
    });
  }

  long integer(String path) {
    return call(() -> {
      expect(path, JsonToken.NUMBER);
      String text = json.nextString();
      if (!INTEGER.matcher(text).matches()) {
        throw new ValidationException(path, "expected an integer without fraction or exponent, got " + text);
      }
      return Long.parseLong(text);
    });
  }

  int int32(String path) {
    long value = integer(path);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new ValidationException(path, "expected a 32-bit integer, got " + value);
    }
    return (int) value;
  }

  /** {@code text} quoted for an error message: at most 64 characters, control characters escaped. */
  static String shown(String text) {
    String cut = text.length() > 64 ? text.substring(0, 64) + "..." : text;
    StringBuilder out = new StringBuilder("\"");
    for (char c : cut.toCharArray()) {
      out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.append('"').toString();
  }

  static ValidationException unknownField(String path, String allowed) {
    return new ValidationException(path, "expected only the fields " + allowed + ", got an unknown field");
  }

  private void expect(String path, JsonToken token) throws IOException {
    JsonToken actual = json.peek();
    if (actual != token) {
      throw new ValidationException(path.isEmpty() ? BODY : path,
          "expected " + describe(token) + ", got " + describe(actual));
    }
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case BEGIN_OBJECT: return "an object";
      case BEGIN_ARRAY: return "an array";
      case STRING: return "a string";
      case NUMBER: return "a number";
      case BOOLEAN: return "a boolean";
      case NULL: return "null";
      case END_DOCUMENT: return "the end of the body";
      default: return token.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private interface IoCall<T> {
    T call() throws IOException;
  }

  private static void run(IoAction action) {
    call(() -> {
      action.run();
      return null;
    });
  }

  private static <T> T call(IoCall<T> call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new UncheckedSyntax(e);
    }
  }

  /** Carries a Gson syntax error out through the lambdas to {@link #document}. */
  private static final class UncheckedSyntax extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UncheckedSyntax(IOException cause) {
      super(cause);
    }
  }
}
