package org.linuxrouter.haagent;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.linuxrouter.daemon.tls.IdentityException;
import org.linuxrouter.ha.status.report.AgentReportCodec;
import org.linuxrouter.haagent.collect.Collector;
import org.linuxrouter.haagent.config.AgentConfig;
import org.linuxrouter.haagent.config.AgentConfigLoader;
import org.linuxrouter.haagent.config.ConfigException;

/**
 * {@code ha-agent [--config FILE] [run|check-config|collect]}: {@code run} serves until stopped;
 * {@code check-config} validates and exits; {@code collect} prints one status report (what the API would answer).
 * Exit 0 ok, 1 failure at start, 2 bad usage or configuration.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        Path config = AgentConfigLoader.DEFAULT_PATH;
        String command = "run";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--config") && i + 1 < args.size()) {
                config = Path.of(args.get(++i));
            } else if (List.of("run", "check-config", "collect").contains(a)) {
                command = a;
            } else {
                err.println("usage: ha-agent [--config FILE] [run|check-config|collect]");
                return 2;
            }
        }
        AgentConfig cfg;
        try {
            cfg = AgentConfigLoader.load(config);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        switch (command) {
            case "check-config":
                out.println(config + ": ok");
                return 0;
            case "collect":
                out.println(AgentReportCodec.encode(new Collector(cfg).collect()));
                return 0;
            default:
                return serve(cfg, out, err);
        }
    }

    private static int serve(AgentConfig cfg, PrintStream out, PrintStream err) throws InterruptedException {
        Agent agent;
        try {
            agent = Agent.start(cfg);
        } catch (java.io.IOException | IdentityException e) {
            err.println("ha-agent: cannot start: " + e.getMessage());
            return 1;
        }
        out.println("ha-agent: " + cfg.role().name().toLowerCase(java.util.Locale.ROOT) + " node " + cfg.nodeName()
                + " listening on " + agent.address() + (cfg.tls() ? " (https)" : " (http)")
                + ", certificate sha256 " + agent.fingerprint());
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close));
        Thread.currentThread().join();
        return 0;
    }
}
