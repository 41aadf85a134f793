package org.linuxrouter.sdk.conformance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The outcome of one conformance check: counts, and every mismatch found. */
public final class ConformanceReport {
    private final int classes;
    private final int members;
    private final Map<String, Integer> classesByOrigin;
    private final List<Mismatch> mismatches;

    public ConformanceReport(int classes, int members, Map<String, Integer> classesByOrigin,
            List<Mismatch> mismatches) {
        this.classes = classes;
        this.members = members;
        this.classesByOrigin = Map.copyOf(classesByOrigin);
        this.mismatches = List.copyOf(mismatches);
    }

    public int classes() {
        return classes;
    }

    public int members() {
        return members;
    }

    public List<Mismatch> mismatches() {
        return mismatches;
    }

    public boolean conforms() {
        return mismatches.isEmpty();
    }

    /** How many checked classes were compared against each reference listing (by file name). */
    public Map<String, Integer> classesByOrigin() {
        return classesByOrigin;
    }

    /** One line, e.g. {@code cloudstack-sdk conformance: 187 classes, 1432 members checked, 0 mismatches}. */
    public String summary() {
        String origins = new TreeMap<>(classesByOrigin).entrySet().stream()
                .map(e -> e.getValue() + " against " + e.getKey())
                .collect(Collectors.joining(", "));
        return "cloudstack-sdk conformance: " + classes + " classes, " + members + " members checked, "
                + mismatches.size() + " mismatches" + (origins.isEmpty() ? "" : " (" + origins + ")");
    }

    /** Every mismatch, grouped by class, with expected and seen on their own lines. */
    public String details() {
        Map<String, List<Mismatch>> byClass = mismatches.stream()
                .collect(Collectors.groupingBy(Mismatch::className, TreeMap::new, Collectors.toList()));
        StringBuilder out = new StringBuilder(summary()).append('\n');
        byClass.forEach((name, list) -> {
            out.append(name).append(" (").append(list.size()).append(list.size() == 1 ? " mismatch)" : " mismatches)")
                    .append('\n');
            for (Mismatch m : list) {
                out.append("  - ").append(m.problem()).append('\n')
                        .append("      expected: ").append(m.expected()).append('\n')
                        .append("      seen:     ").append(m.seen()).append('\n');
            }
        });
        return out.toString();
    }
}
