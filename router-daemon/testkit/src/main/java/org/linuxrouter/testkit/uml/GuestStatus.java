package org.linuxrouter.testkit.uml;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one line the guest init writes to the host before powering off: {@code exit <code>} once the command ran,
 * {@code setup <step> <code>} if the guest could not be prepared. {@code linux.uml} itself exits 0 after any
 * power-off, so this file is the only trustworthy result.
 *
 * @param setupStep the failed setup step, or null when the command ran
 * @param code      the command's exit status, or the failed step's
 */
public record GuestStatus(String setupStep, int code) {

    private static final Pattern EXIT = Pattern.compile("exit (\\d{1,3})");
    private static final Pattern SETUP = Pattern.compile("setup ([a-z0-9-]+) (\\d{1,3})");

    public GuestStatus {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("expected an exit status 0-255, saw " + code);
        }
    }

    public static GuestStatus exited(int code) {
        return new GuestStatus(null, code);
    }

    public static GuestStatus setupFailed(String step, int code) {
        return new GuestStatus(Objects.requireNonNull(step, "step"), code);
    }

    /** Parses the status file's text; anything but the two forms above is an error naming what was seen. */
    public static GuestStatus parse(String text) {
        String line = text.strip();
        Matcher exit = EXIT.matcher(line);
        if (exit.matches()) {
            return exited(Integer.parseInt(exit.group(1)));
        }
        Matcher setup = SETUP.matcher(line);
        if (setup.matches()) {
            return setupFailed(setup.group(1), Integer.parseInt(setup.group(2)));
        }
        throw new IllegalArgumentException("expected a guest status 'exit <code>' or 'setup <step> <code>', saw '"
                + line + "'");
    }

    public boolean commandRan() {
        return setupStep == null;
    }
}
