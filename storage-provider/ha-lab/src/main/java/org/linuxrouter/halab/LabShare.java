package org.linuxrouter.halab;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory both VMs mount read-only over 9p at {@value #GUEST_MOUNT}: what {@code hactl render} wrote for each
 * node ({@code <hostname>/etc/...}), the inventory with its secret ({@code inventory/}, for {@code hactl doctor} on
 * the nodes), lab-only files ({@code lab/}) and this build's class path ({@code classpath/}: hactl and the health
 * agent run on the nodes from the same classes the test uses).
 */
public final class LabShare {

    public static final String GUEST_MOUNT = "/mnt/halab";

    /** Test-runner jars the guests never need. */
    private static final Pattern NOT_FOR_GUESTS =
            Pattern.compile("(junit|opentest4j|apiguardian|surefire|common-java5|jna).*");

    private final Path root;
    private final List<String> guestClasspath;

    private LabShare(Path root, List<String> guestClasspath) {
        this.root = root;
        this.guestClasspath = guestClasspath;
    }

    public static LabShare create(Path root, PairInventory inventory) {
        try {
            Files.createDirectories(root);
            inventory.render(root);
            Path inventoryDir = Files.createDirectories(root.resolve("inventory"));
            Files.copy(inventory.file(), inventoryDir.resolve(inventory.file().getFileName()));
            String secret = inventory.inventory().cluster().secretFile();
            Files.copy(inventory.file().resolveSibling(secret), inventoryDir.resolve(secret));
            Path lab = Files.createDirectories(root.resolve("lab"));
            // chrony on the nodes: the lab's own NTP server (NtpServer) on the client's address
            Files.writeString(lab.resolve("lab.sources"), "server " + LabNetwork.CLIENT_ADDRESS
                    + " iburst minpoll 0 maxpoll 4\n");
            // the health agent as configured on a storage node of this pair (only `collect` is used here)
            Files.writeString(lab.resolve("ha-agent.conf"), "role = storage\n"
                    + "mount_point = " + inventory.logicalVolume().mountPoint() + "\n"
                    + "cluster = heartbeat\n");
            return new LabShare(root, copyClasspath(Files.createDirectories(root.resolve("classpath"))));
        } catch (IOException e) {
            throw new UncheckedIOException("could not fill the lab share " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** The class path, as guest paths, for {@code java -cp}. */
    public String guestClasspath() {
        return String.join(":", guestClasspath);
    }

    /** The inventory as the guests see it. */
    public String guestInventory(PairInventory inventory) {
        return GUEST_MOUNT + "/inventory/" + inventory.file().getFileName();
    }

    private static List<String> copyClasspath(Path target) throws IOException {
        String value = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path", ""));
        List<String> guest = new ArrayList<>();
        int index = 0;
        for (String entry : value.split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (entry.isBlank() || !Files.exists(source)
                    || NOT_FOR_GUESTS.matcher(source.getFileName().toString()).matches()) {
                continue;
            }
            String name = String.format("%02d-%s", index++, source.getFileName());
            copyTree(source, target.resolve(name));
            guest.add(GUEST_MOUNT + "/classpath/" + name);
        }
        return guest;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        if (Files.isRegularFile(source)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
