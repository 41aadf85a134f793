package org.linuxrouter.daemon.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.linuxrouter.daemon.reconcile.Reconciler;

/**
 * {@code GET /metrics} in the Prometheus text exposition format (version 0.0.4). A dozen series do not justify a
 * client library on the router; the format is four line shapes.
 */
public final class MetricsText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final NetworkService service;
    private final Reconciler reconciler;
    private final Map<Integer, LongAdder> responses = new ConcurrentHashMap<>();
    private final List<Source> sources;

    public MetricsText(NetworkService service, Reconciler reconciler, List<Source> sources) {
        this.service = service;
        this.reconciler = reconciler;
        this.sources = List.copyOf(sources);
    }

    /** Series a component outside the API contributes (a guest service's counters), rendered at each scrape. */
    @FunctionalInterface
    public interface Source {
        void render(Out out);
    }

    /** What a {@link Source} may write: whole series, with HELP and TYPE lines. */
    public static final class Out {
        private final StringBuilder text;

        Out(StringBuilder text) {
            this.text = text;
        }

        public void gauge(String name, String help, double value) {
            series(text, name, help, "gauge", value);
        }

        public void counter(String name, String help, double value) {
            series(text, name, help, "counter", value);
        }

        /** One counter series per label value; label values must be plain words (they are not escaped). */
        public void counters(String name, String help, String label, Map<String, ? extends Number> values) {
            text.append("# HELP ").append(name).append(' ').append(help).append('\n');
            text.append("# TYPE ").append(name).append(" counter\n");
            new TreeMap<>(values).forEach((k, v) -> text.append(name).append('{').append(label).append("=\"")
                    .append(k).append("\"} ").append(format(v.doubleValue())).append('\n'));
        }
    }

    /** Counts one API answer by status code. */
    void countResponse(int status) {
        responses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    String render() {
        StringBuilder out = new StringBuilder();
        var status = service.status();
        gauge(out, "linuxrouter_networks", "Networks in desired state.", status.networks());
        gauge(out, "linuxrouter_nics", "NICs in desired state.", status.nics());
        gauge(out, "linuxrouter_networks_drifted", "Networks whose kernel state differed at the last pass.",
                status.drifted().size());
        gauge(out, "linuxrouter_dnsmasq_up", "1 while the guest DHCP/DNS dnsmasq runs.",
                "running".equals(status.dnsmasq().orElse("")) ? 1 : 0);
        counter(out, "linuxrouter_dnsmasq_restarts_total", "Times dnsmasq died and was started again.",
                status.dnsmasqRestarts());
        counter(out, "linuxrouter_reconcile_passes_total", "Reconcile passes run.", reconciler.passes());
        counter(out, "linuxrouter_reconcile_failed_passes_total", "Reconcile passes with a failure.",
                reconciler.failedPasses());
        status.pair().ifPresent(pair -> {
            gauge(out, "linuxrouter_vrrp_master", "1 while this router is the pair's VRRP master (holds the gateways).",
                    pair.role() == org.linuxrouter.protocol.model.PairState.Role.MASTER ? 1 : 0);
            out.append("# HELP linuxrouter_vrrp_role The VRRP role keepalived last reported (1 for the current one).\n");
            out.append("# TYPE linuxrouter_vrrp_role gauge\n");
            for (var role : org.linuxrouter.protocol.model.PairState.Role.values()) {
                out.append("linuxrouter_vrrp_role{role=\"").append(role.name()).append("\"} ")
                        .append(role == pair.role() ? 1 : 0).append('\n');
            }
            counter(out, "linuxrouter_vrrp_transitions_total", "VRRP role changes since the daemon started.",
                    pair.transitions());
            pair.lastTransition().ifPresent(t -> gauge(out, "linuxrouter_vrrp_last_transition_timestamp_seconds",
                    "When the VRRP role last changed, Unix time.", t.toEpochMilli() / 1e3));
            counter(out, "linuxrouter_vrrp_keepalived_restarts_total", "keepalived restarts after it died.",
                    pair.keepalivedRestarts());
            pair.takeover().ifPresent(mode -> {
                out.append("# HELP linuxrouter_vrrp_takeover How the new master takes over the gateways "
                        + "(vrrp_takeover; 1 for the configured mode).\n");
                out.append("# TYPE linuxrouter_vrrp_takeover gauge\n");
                for (var m : org.linuxrouter.protocol.model.PairState.Takeover.values()) {
                    out.append("linuxrouter_vrrp_takeover{mode=\"").append(m.wireName()).append("\"} ")
                            .append(m == mode ? 1 : 0).append('\n');
                }
            });
            pair.gateOpen().ifPresent(open -> gauge(out, "linuxrouter_vrrp_standby_gate_open",
                    "Gate mode: 1 while the standby gate is open (this router answers on its guest links).",
                    open ? 1 : 0));
            pair.sticky().ifPresent(sticky -> gauge(out, "linuxrouter_vrrp_sticky",
                    "1 while this router is a sticky master (its priority raised over any returning router's).",
                    sticky ? 1 : 0));
            pair.peer().ifPresent(peer -> {
                gauge(out, "linuxrouter_pair_split_brain",
                        "1 while this router and its peer are both VRRP master (the VRRP link between them is cut).",
                        pair.splitBrain() ? 1 : 0);
                counter(out, "linuxrouter_pair_split_brains_total", "Split brains detected since the daemon started.",
                        peer.splitBrains());
                gauge(out, "linuxrouter_pair_peer_up", "1 while the peer's API answered the last status poll.",
                        peer.reachable() ? 1 : 0);
                gauge(out, "linuxrouter_pair_peer_pending_forgets",
                        "Password acknowledgements waiting in the outbox for the peer.", peer.pendingForgets());
            });
        });
        reconciler.lastPass().ifPresent(p -> {
            gauge(out, "linuxrouter_reconcile_last_duration_seconds", "Duration of the last pass.",
                    p.took().toNanos() / 1e9);
            gauge(out, "linuxrouter_reconcile_last_timestamp_seconds", "Start of the last pass, Unix time.",
                    p.started().toEpochMilli() / 1e3);
        });
        out.append("# HELP linuxrouter_http_responses_total API responses by status code.\n");
        out.append("# TYPE linuxrouter_http_responses_total counter\n");
        new TreeMap<>(responses).forEach((code, n) ->
                out.append("linuxrouter_http_responses_total{code=\"").append(code).append("\"} ").append(n.sum()).append('\n'));
        Out extra = new Out(out);
        sources.forEach(s -> s.render(extra));
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, double value) {
        series(out, name, help, "gauge", value);
    }

    private static void counter(StringBuilder out, String name, String help, double value) {
        series(out, name, help, "counter", value);
    }

    private static void series(StringBuilder out, String name, String help, String type, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        out.append(name).append(' ').append(format(value)).append('\n');
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6f", v);
    }
}
