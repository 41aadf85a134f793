package org.linuxrouter.hactl.files;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Heartbeat v1's {@code haresources}: one line per resource group, the preferred node then the resources in
 * start order, each {@code script::arg::arg...}.
 */
public final class Haresources {

    /** One resource: the script and its {@code ::}-separated arguments. */
    public record Resource(String script, List<String> args) {
        @Override
        public String toString() {
            return args.isEmpty() ? script : script + "::" + String.join("::", args);
        }
    }

    public record Group(int line, String preferredNode, List<Resource> resources) {
    }

    private Haresources() {
    }

    public static List<Group> parse(String file, String text) throws ConfigFileException {
        List<Group> groups = new ArrayList<>();
        for (Lines.Line line : Lines.of(text)) {
            List<String> w = line.words();
            if (w.size() < 2) {
                throw new ConfigFileException(file, line.number(), "a node name and at least one resource expected");
            }
            List<Resource> resources = new ArrayList<>();
            for (String item : w.subList(1, w.size())) {
                String[] parts = item.split("::", -1);
                resources.add(new Resource(parts[0], List.of(parts).subList(1, parts.length)));
            }
            groups.add(new Group(line.number(), w.get(0), List.copyOf(resources)));
        }
        return groups;
    }
}
