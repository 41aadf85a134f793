package org.linuxrouter.hactl;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.linuxrouter.hactl.importer.ImportException;
import org.linuxrouter.hactl.importer.ImportResult;
import org.linuxrouter.hactl.importer.InventoryWriter;
import org.linuxrouter.hactl.importer.SetupImporter;
import org.linuxrouter.hactl.inventory.InventoryException;
import org.linuxrouter.hactl.inventory.InventoryLoader;
import org.linuxrouter.hactl.inventory.LoadedInventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hactl import}: a hand-made Heartbeat pair (the recipe's files, read under {@code --root}) into an
 * inventory plus its secret file. Prints what hactl will render differently; never overwrites existing files.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Read a hand-made DRBD/Heartbeat/NFS (or MySQL) pair into an inventory.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--root", defaultValue = "/", description = "where the node's /etc is (default /)")
    private Path root;

    @Option(names = "--name", required = true, description = "the inventory's cluster name")
    private String name;

    @Option(names = "--management-address", required = true, description = "<host>=<IP>, once per node")
    private Map<String, String> managementAddresses = new LinkedHashMap<>();

    @Option(names = "--drbd-version", defaultValue = "8.4", description = "8.4 (Debian 12's module) or 9")
    private String drbdVersion;

    @Option(names = {"-o", "--out"}, required = true, description = "the inventory file to write")
    private Path out;

    @Option(names = "--secret-file", defaultValue = "cluster.secret",
            description = "secret file name, next to the inventory (default cluster.secret)")
    private String secretFile;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!secretFile.matches("[A-Za-z0-9_.-]{1,64}") || secretFile.startsWith(".")) {
            err.println("hactl: --secret-file must be a plain file name next to the inventory");
            return Hactl.USAGE;
        }
        ImportResult result;
        try {
            result = new SetupImporter(root).importSetup(name, managementAddresses, drbdVersion, secretFile);
        } catch (ImportException e) {
            err.println("hactl: import: " + e.getMessage());
            return Hactl.DATA_ERROR;
        }
        Path secretPath = out.toAbsolutePath().resolveSibling(secretFile);
        String yaml = new InventoryWriter().write(result.inventory(), "# Imported by hactl import from " + root
                + "; schema in docs/ha.md.\n");
        try {
            Files.createDirectories(secretPath.getParent());
            Files.writeString(out, yaml, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.createFile(secretPath, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (IOException e) {
                Files.delete(out);
                throw e;
            }
            Files.writeString(secretPath, result.secret() + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            err.println("hactl: " + e.getFile() + " exists; not overwriting it");
            return Hactl.IO_ERROR;
        } catch (IOException e) {
            err.println("hactl: " + e.getMessage());
            return Hactl.IO_ERROR;
        }
        LoadedInventory loaded;
        try {
            loaded = new InventoryLoader().load(out); // the file just written must read back
        } catch (InventoryException e) {
            err.println("hactl: the written inventory does not read back: " + e.getMessage());
            return Hactl.DATA_ERROR;
        }
        for (String note : result.notes()) {
            stdout.println("note: " + note);
        }
        for (String w : loaded.warnings()) {
            stdout.println("warning: " + w);
        }
        stdout.println("wrote " + out + " and " + secretPath + " (mode 600)");
        stdout.flush();
        return 0;
    }
}
