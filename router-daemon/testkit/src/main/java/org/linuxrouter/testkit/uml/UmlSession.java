package org.linuxrouter.testkit.uml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The session a UML instance runs in ({@code setsid}: its session id is the first process's pid).
 *
 * <p>Killing the main {@code linux.uml} process with SIGKILL leaves 2-10 helper processes that hold our output
 * pipe (trap 8). They are found by session id and killed by pid: never by name, which could hit another lab
 * running at the same time.
 */
final class UmlSession {

    private static final Path PROC = Path.of("/proc");

    private final long sessionId;

    UmlSession(long sessionId) {
        this.sessionId = sessionId;
    }

    long sessionId() {
        return sessionId;
    }

    /** The live pids whose session is ours, read from /proc/[pid]/stat. */
    List<Long> members() {
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                OptionalLong session = sessionOf(entry.resolve("stat"));
                if (session.isPresent() && session.getAsLong() == sessionId) {
                    members.add(Long.parseLong(entry.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UmlException("could not list /proc to find UML session " + sessionId, e);
        }
        return members;
    }

    /** SIGKILLs every member still alive; returns how many there were. */
    int killAll() {
        List<Long> members = members();
        for (long pid : members) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        return members.size();
    }

    /**
     * The session field of a stat line, empty for a zombie (it holds no pipe and cannot be killed any more):
     * fields after the command name in parentheses (which may itself hold spaces and parentheses) are state,
     * ppid, pgrp, session.
     */
    static OptionalLong parseSession(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return OptionalLong.empty();
        }
        String[] fields = stat.substring(end + 1).trim().split(" ");
        if (fields.length < 4 || fields[0].equals("Z")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(fields[3]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong sessionOf(Path stat) {
        try {
            return parseSession(new String(Files.readAllBytes(stat), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            // the process ended while we looked: it is no member any more
            return OptionalLong.empty();
        }
    }
}
