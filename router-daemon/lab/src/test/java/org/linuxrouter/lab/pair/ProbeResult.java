package org.linuxrouter.lab.pair;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What one probe saw during one case: its answered sequence numbers with the wall-clock time each answer came,
 * how many it sent, and what must never happen: duplicated answers, changing TTLs, and {@code loops}, the ICMP
 * "Time to live exceeded" a forwarding loop between the two routers would produce. {@code notes} are the kinds of
 * failure an HTTP probe met (timeouts during the outage are expected), for the report only.
 */
record ProbeResult(String name, List<Reply> replies, long sent, int duplicates, Set<Integer> ttls,
                   List<String> loops, List<String> notes) {

    record Reply(long seq, long epochMillis) {
    }

    ProbeResult {
        replies = replies.stream().sorted(Comparator.comparingLong(Reply::seq)).toList();
        ttls = Set.copyOf(ttls);
        loops = List.copyOf(loops);
        notes = List.copyOf(notes);
    }

    /**
     * The longest time without an answer at or after {@code fromMillis} (the fault): over every run of lost
     * probes, the time from the answer before it to the answer after it (so it errs long by up to one interval).
     * Two consecutive sequence numbers both answered are no outage however far apart they came: in the one-CPU UML
     * guest a busy moment (a JVM starting) can hold the prober itself back, which is not the network's doing.
     * Whether answers came back at all is {@link #answeredAfter}'s to tell.
     */
    long outageMillis(long fromMillis) {
        long worst = 0;
        for (int i = 1; i < replies.size(); i++) {
            Reply before = replies.get(i - 1);
            Reply after = replies.get(i);
            if (after.epochMillis() >= fromMillis && after.seq() > before.seq() + 1) {
                worst = Math.max(worst, after.epochMillis() - before.epochMillis());
            }
        }
        return worst;
    }

    /** Answers that came at or after {@code epochMillis}. */
    long answeredAfter(long epochMillis) {
        return replies.stream().filter(r -> r.epochMillis() >= epochMillis).count();
    }

    /** Sequence numbers sent but never answered. */
    long lost() {
        return sent - replies.size();
    }

    String summary(long fromMillis) {
        return name + ": outage " + outageMillis(fromMillis) + " ms, " + lost() + " of " + sent + " lost, "
                + duplicates + " duplicates, ttl " + ttls + (loops.isEmpty() ? "" : ", loops " + loops.subList(0,
                Math.min(3, loops.size()))) + (notes.isEmpty() ? "" : ", failures " + notes);
    }
}
