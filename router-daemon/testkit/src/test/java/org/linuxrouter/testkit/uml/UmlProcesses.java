package org.linuxrouter.testkit.uml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds what is left of one UML instance by its umid on the command line, never by program name. */
final class UmlProcesses {

    private static final Pattern UMID = Pattern.compile("lrlab-[0-9a-f]{8}");

    private UmlProcesses() {
    }

    static void assertNoneLeft(String umid) {
        assertEquals(List.of(), alive(umid), "processes of UML " + umid + " still alive");
    }

    /** The umid a message or output names, so a failed run can be checked too. */
    static String umidIn(String text) {
        Matcher m = UMID.matcher(text);
        if (!m.find()) {
            throw new AssertionError("expected a UML instance name lrlab-XXXXXXXX in: " + text);
        }
        return m.group();
    }

    static List<Long> alive(String umid) {
        String marker = "umid=" + umid;
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                if (cmdline(entry).contains(marker)) {
                    pids.add(Long.parseLong(entry.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("could not list /proc", e);
        }
        return pids;
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }
}
