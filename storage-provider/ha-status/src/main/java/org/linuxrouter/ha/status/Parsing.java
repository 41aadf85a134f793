package org.linuxrouter.ha.status;

import java.util.function.Supplier;

/** The one place where parser failures become {@link Reading#unknown}: no exception leaves a parser. */
public final class Parsing {
    /** Longest input any parser accepts: status outputs are a few KiB; anything bigger is not what we asked for. */
    public static final int MAX_INPUT_CHARS = 1 << 20;

    private Parsing() {
    }

    public static <T> Reading<T> guard(String what, String input, Supplier<T> parse) {
        if (input != null && input.isBlank()) {
            return Reading.unknown(what + ": empty output");
        }
        return guardAllowingEmpty(what, input, parse);
    }

    /** For outputs where nothing is a valid answer (exportfs with no exports). */
    public static <T> Reading<T> guardAllowingEmpty(String what, String input, Supplier<T> parse) {
        if (input == null) {
            return Reading.unknown(what + ": no output");
        }
        if (input.length() > MAX_INPUT_CHARS) {
            return Reading.unknown(what + ": output longer than " + MAX_INPUT_CHARS + " characters");
        }
        try {
            return Reading.of(parse.get());
        } catch (Malformed e) {
            return Reading.unknown(what + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // Gson, number parsing, an unexpected shape: the input is not what the format promises.
            return Reading.unknown(what + ": malformed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")");
        }
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
