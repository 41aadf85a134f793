package org.linuxrouter.hactl;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.linuxrouter.hactl.inventory.InventoryException;
import org.linuxrouter.hactl.inventory.InventoryLoader;
import org.linuxrouter.hactl.inventory.LoadedInventory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * hactl: render, import and check the DRBD / Heartbeat-or-Pacemaker / NFS storage pair and the management-server
 * pair from one inventory file (docs/ha.md).
 */
@Command(name = "hactl", mixinStandardHelpOptions = true, versionProvider = Hactl.Version.class,
        subcommands = {RenderCommand.class, ImportCommand.class, DoctorCommand.class},
        description = "Render, import and check an HA pair (DRBD, Heartbeat or Pacemaker, NFS, management DB).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success; doctor: HEALTHY",
            "1:doctor: worst finding is a WARNING",
            "2:doctor: worst finding is DEGRADED",
            "3:doctor: worst finding is FAILED",
            "64:usage error",
            "65:invalid inventory or input files",
            "74:I/O error"})
public final class Hactl {

    public static final int USAGE = 64;
    public static final int DATA_ERROR = 65;
    public static final int IO_ERROR = 74;

    private Hactl() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** With a factory of its own, a test can hand the doctor a recorded command runner. */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new Hactl(), factory);
        // picocli's default for bad arguments is 2, which the doctor uses for DEGRADED
        cli.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().exitCodeOnInvalidInput(USAGE));
        return cli;
    }

    /** Loads and validates an inventory for a command; null (with the errors on {@code err}) when it is invalid. */
    static LoadedInventory loadInventory(Path file, PrintWriter err) {
        try {
            return new InventoryLoader().load(file);
        } catch (InventoryException e) {
            err.println("hactl: " + e.getMessage());
            return null;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Hactl.class.getPackage().getImplementationVersion();
            return new String[] {"hactl " + (v == null ? "(development build)" : v)};
        }
    }
}
