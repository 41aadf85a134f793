package org.linuxrouter.hactl.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Heartbeat's {@code ha.cf}: one directive per line. Keeps the communication media (bcast, mcast, ucast,
 * serial), the node names and the single-valued directives.
 */
public final class HaCf {

    /** One communication path: its medium and arguments ({@code ucast eth1 10.0.10.2}). */
    public record Medium(int line, String type, List<String> args) {
    }

    private static final List<String> MEDIA = List.of("bcast", "mcast", "ucast", "serial");

    private final List<Medium> media;
    private final List<String> nodes;
    private final Map<String, String> settings;

    private HaCf(List<Medium> media, List<String> nodes, Map<String, String> settings) {
        this.media = List.copyOf(media);
        this.nodes = List.copyOf(nodes);
        this.settings = Map.copyOf(settings);
    }

    public static HaCf parse(String file, String text) throws ConfigFileException {
        List<Medium> media = new ArrayList<>();
        List<String> nodes = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        for (Lines.Line line : Lines.of(text)) {
            List<String> w = line.words();
            String directive = w.get(0);
            List<String> args = w.subList(1, w.size());
            if (MEDIA.contains(directive)) {
                if (args.isEmpty()) {
                    throw new ConfigFileException(file, line.number(), directive + " without an interface");
                }
                if (directive.equals("bcast") || directive.equals("serial")) {
                    for (String dev : args) { // "bcast eth0 eth1" is one path per device
                        media.add(new Medium(line.number(), directive, List.of(dev)));
                    }
                } else {
                    media.add(new Medium(line.number(), directive, List.copyOf(args)));
                }
            } else if (directive.equals("node")) {
                nodes.addAll(args);
            } else {
                settings.put(directive, String.join(" ", args));
            }
        }
        return new HaCf(media, nodes, settings);
    }

    public List<Medium> media() {
        return media;
    }

    public List<String> nodes() {
        return nodes;
    }

    public String setting(String name) {
        return settings.get(name);
    }

    /** A timer in whole seconds ({@code deadtime 10}); milliseconds values ({@code 500ms}) are refused. */
    public Integer seconds(String file, String name) throws ConfigFileException {
        String v = settings.get(name);
        if (v == null) {
            return null;
        }
        if (!v.matches("[0-9]{1,5}")) {
            throw new ConfigFileException(file, 0, name + " '" + v + "' is not a whole number of seconds");
        }
        return Integer.valueOf(v);
    }
}
