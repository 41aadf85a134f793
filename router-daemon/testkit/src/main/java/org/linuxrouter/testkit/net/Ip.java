package org.linuxrouter.testkit.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linuxrouter.testkit.process.Command;
import org.linuxrouter.testkit.process.CommandException;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * iproute2's {@code ip}, on the host or in one named network namespace ({@code ip -n NAME ...}).
 *
 * <p>Needs the apt package {@code iproute2}. Every call is an argv list; nothing is parsed by a shell.
 */
public final class Ip {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IP = "ip";

    private final Optional<String> netns;

    private Ip(Optional<String> netns) {
        this.netns = netns;
    }

    /** {@code ip} in the namespace this process runs in. */
    public static Ip host() {
        return new Ip(Optional.empty());
    }

    /** {@code ip -n name}: every command acts inside the named namespace. */
    public static Ip in(String netnsName) {
        return new Ip(Optional.of(Names.netns(netnsName)));
    }

    public Optional<String> netns() {
        return netns;
    }

    /** Runs {@code ip [-n ns] args...} and returns its result, failing with ip's own message if it fails. */
    public CommandResult run(String... args) {
        return Command.run(argv(List.of(), List.of(args))).requireSuccess();
    }

    /** Runs {@code ip [-n ns] -j args...} and parses what it prints, e.g. {@code json("-d", "link", "show")}. */
    public JsonNode json(String... args) {
        CommandResult result = Command.run(argv(List.of("-j"), List.of(args))).requireSuccess();
        return parse(result.stdout(), result.argv());
    }

    /** Runs {@code ip [-n ns] -j -d link show dev name} and returns that one link's object. */
    public JsonNode link(String name) {
        JsonNode links = json("-d", "link", "show", "dev", Names.link(name));
        if (!links.isArray() || links.size() != 1) {
            throw new CommandException("expected exactly one link named " + name + ", ip printed " + links);
        }
        return links.get(0);
    }

    /**
     * Feeds {@code lines} to {@code ip [-n ns] -batch -}: one exec for many commands, which matters in UML where
     * every exec costs 50-125 ms. Each line is an ip command without the leading {@code ip}, e.g.
     * {@code "link set lo up"}. Stops at the first failing line.
     */
    public CommandResult batch(List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("expected at least one ip command for -batch, saw none");
        }
        StringBuilder script = new StringBuilder();
        for (String line : lines) {
            if (line.isBlank() || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("expected one non-blank ip command per line, saw '" + line + "'");
            }
            script.append(line).append('\n');
        }
        List<String> argv = argv(List.of("-batch", "-"), List.of());
        return Command.run(argv, script.toString(), Command.DEFAULT_TIMEOUT.plus(Duration.ofSeconds(lines.size())))
                .requireSuccess();
    }

    /** Parses the output of an {@code ip -j} command; exposed for tests that read saved output. */
    public static JsonNode parse(String json, List<String> argv) {
        try {
            return JSON.readTree(json.isBlank() ? "[]" : json);
        } catch (JsonProcessingException e) {
            throw new CommandException("expected JSON from " + argv + ", saw: " + abbreviate(json), e);
        }
    }

    private List<String> argv(List<String> options, List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(IP);
        netns.ifPresent(name -> {
            argv.add("-n");
            argv.add(name);
        });
        argv.addAll(options);
        argv.addAll(args);
        return argv;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
