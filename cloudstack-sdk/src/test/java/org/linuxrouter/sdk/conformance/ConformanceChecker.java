package org.linuxrouter.sdk.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares the javap listing of the SDK with the listing of the real CloudStack classes. The comparison is exact
 * up to {@link Signatures#normalize whitespace}; every mismatch is reported, not just the first.
 */
public final class ConformanceChecker {
    private final Listing reference;

    /** @param reference the real listing, possibly {@link Listing#plus plus} a supplement */
    public ConformanceChecker(Listing reference) {
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    public ConformanceReport check(Listing sdk) {
        List<Mismatch> mismatches = new ArrayList<>();
        Map<String, Integer> byOrigin = new HashMap<>();
        int members = 0;
        for (ClassBlock mine : sdk.blocks()) {
            members += mine.members().size();
            Optional<ClassBlock> real = reference.block(mine.name());
            if (real.isEmpty()) {
                mismatches.add(new Mismatch(mine.name(), "class not in the cloudstack listing",
                        "a class " + mine.name() + " in the listing", mine.header()));
                continue;
            }
            byOrigin.merge(real.get().origin(), 1, Integer::sum);
            compare(real.get(), mine, mismatches);
        }
        return new ConformanceReport(sdk.size(), members, byOrigin, mismatches);
    }

    private static void compare(ClassBlock real, ClassBlock mine, List<Mismatch> out) {
        if (!Signatures.normalize(real.header()).equals(Signatures.normalize(mine.header()))) {
            out.add(new Mismatch(mine.name(), "header differs", real.header(), mine.header()));
        }
        Set<String> realMembers = normalized(real.members());
        for (String member : mine.members()) {
            if (!realMembers.contains(Signatures.normalize(member))) {
                out.add(new Mismatch(mine.name(), "member not declared by the cloudstack class",
                        candidates(real, member), member));
            }
        }
        if (real.isInterface()) {
            Set<String> mineMembers = normalized(mine.members());
            for (String member : real.members()) {
                if (Signatures.isAbstractOrDefaultMethod(member)
                        && !mineMembers.contains(Signatures.normalize(member))) {
                    out.add(new Mismatch(mine.name(), "interface method missing (implementors need every abstract"
                            + " and default method)", member, "absent"));
                }
            }
        }
    }

    /** The real members with the same name, so a wrong return type or throws clause is visible at a glance. */
    private static String candidates(ClassBlock real, String member) {
        String name = Signatures.memberName(member, real.name());
        List<String> same = real.members().stream()
                .filter(m -> Signatures.memberName(m, real.name()).equals(name))
                .collect(Collectors.toList());
        if (same.isEmpty()) {
            return "no member named '" + name + "' in the real class";
        }
        return same.size() == 1 ? same.get(0) : "one of " + String.join(" | ", same);
    }

    private static Set<String> normalized(List<String> lines) {
        return lines.stream().map(Signatures::normalize).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
