package org.linuxrouter.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;
import org.linuxrouter.daemon.config.ConfigException;
import org.linuxrouter.daemon.config.ConfigLoader;
import org.linuxrouter.daemon.config.DaemonConfig;
import org.linuxrouter.daemon.services.metadata.GuestHttpServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code linuxrouterd}: runs in the foreground and logs one line per event to stdout, as systemd expects
 * (journald adds the timestamp). Exits 0 on SIGTERM after stopping cleanly, 2 on a configuration error.
 */
@Command(name = "linuxrouterd", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Configures CloudStack guest networks on this Linux router: VLAN subinterfaces, gateway "
                + "addresses, forwarding, proxy ARP/NDP and host routes, driven over an HTTPS API.")
public final class Main implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "configuration file (default: ${DEFAULT-VALUE}; a missing file means all defaults)")
    Path config = ConfigLoader.DEFAULT_PATH;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        DaemonConfig settings;
        try {
            settings = Files.exists(config) ? ConfigLoader.load(config) : DaemonConfig.defaults();
        } catch (ConfigException e) {
            System.err.println("linuxrouterd: " + e.getMessage());
            return 2;
        }
        logToStdout(settings.logLevel().julLevel());
        GuestHttpServer.noDelay();
        CountDownLatch stopped = new CountDownLatch(1);
        Daemon daemon;
        try {
            daemon = Daemon.start(settings, version());
        } catch (StartRefused e) {
            System.err.println("linuxrouterd: " + e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                daemon.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static void logToStdout(java.util.logging.Level level) {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        for (var h : root.getHandlers()) {
            root.removeHandler(h);
        }
        StreamHandler out = new StreamHandler(System.out, new OneLine()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        out.setLevel(level);
        root.addHandler(out);
        root.setLevel(level);
    }

    /** {@code LEVEL logger: message}, no timestamp: journald stamps every line itself. */
    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord r) {
            String name = r.getLoggerName() == null ? "" : r.getLoggerName().substring(r.getLoggerName().lastIndexOf('.') + 1);
            String text = formatMessage(r) + System.lineSeparator();
            if (r.getThrown() != null) {
                java.io.StringWriter trace = new java.io.StringWriter();
                r.getThrown().printStackTrace(new java.io.PrintWriter(trace));
                text += trace;
            }
            return r.getLevel().getName() + " " + name + ": " + text;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"linuxrouterd " + version()};
        }
    }
}
