package org.linuxrouter.halab;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.linuxrouter.testkit.process.Command;

/**
 * One storage node: a QEMU (TCG) process inside the lab's namespace, booting the stock Debian kernel from its own
 * copy of the image, with a second disk as DRBD's backing device and a command channel ({@link GuestAgent}).
 *
 * <p>{@link #powerOff()} is a hard power loss: QEMU is killed, the guest gets no chance to flush or say goodbye.
 */
public final class Vm implements AutoCloseable {

    static final long DRBD_DISK_BYTES = 64L << 20;
    private static final String AGENT_PORT = "org.linuxrouter.halab.agent";
    /** vCPUs per VM ({@code -Dhalab.smp}); one each keeps two VMs within the 2-core machine. */
    private static final int VCPUS = Integer.getInteger("halab.smp", 1);

    private final String name;
    private final Path dir;
    private final Process qemu;
    private final GuestAgent agent;

    private Vm(String name, Path dir, Process qemu, GuestAgent agent) {
        this.name = name;
        this.dir = dir;
        this.qemu = qemu;
        this.agent = agent;
    }

    /**
     * Boots node {@code index} (1 or 2) named {@code hostname} with its taps in {@code network}; {@code share} is
     * mounted read-only in the guest as 9p tag {@code halab} (configuration and jars from the host).
     */
    public static Vm boot(VmImage image, LabNetwork network, int index, String hostname, String hostsFile,
                          Path workDir, Path share) {
        String tapBase = "n" + index;
        Path dir = workDir.resolve(hostname);
        try {
            Files.createDirectories(dir);
            Path root = dir.resolve("root.img");
            Command.run(List.of("cp", "--sparse=always", image.rootImage().toString(), root.toString()), null,
                    Duration.ofMinutes(2)).requireSuccess();
            bake(root, dir, hostname, hostsFile);
            Path drbdDisk = dir.resolve("drbd.img");
            try (RandomAccessFile file = new RandomAccessFile(drbdDisk.toFile(), "rw")) {
                file.setLength(DRBD_DISK_BYTES);
            }
            network.addTaps(tapBase);
            Path socket = dir.resolve("agent.sock");
            List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", network.name(),
                    "qemu-system-x86_64", "-name", hostname, "-accel", "tcg", "-m", "1024", "-smp", String.valueOf(VCPUS),
                    "-nodefaults", "-no-user-config", "-display", "none",
                    "-kernel", image.kernel().toString(), "-initrd", image.initrd().toString(),
                    "-append", "root=/dev/vda rw console=ttyS0 net.ifnames=0 quiet mitigations=off",
                    "-drive", "file=" + root + ",if=virtio,format=raw",
                    "-drive", "file=" + drbdDisk + ",if=virtio,format=raw",
                    "-netdev", "tap,id=s,ifname=" + tapBase + "s,script=no,downscript=no",
                    "-device", "virtio-net-pci,netdev=s,mac=52:54:00:77:01:0" + index,
                    "-netdev", "tap,id=r,ifname=" + tapBase + "r,script=no,downscript=no",
                    "-device", "virtio-net-pci,netdev=r,mac=52:54:00:77:02:0" + index,
                    // entropy for early boot (chrony, nfsd) that would otherwise wait on a TCG guest
                    "-device", "virtio-rng-pci",
                    "-device", "virtio-serial-pci",
                    "-chardev", "socket,id=agent,path=" + socket + ",server=on,wait=off",
                    "-device", "virtserialport,chardev=agent,name=" + AGENT_PORT,
                    "-virtfs", "local,path=" + share + ",mount_tag=halab,security_model=none,readonly=on",
                    "-serial", "file:" + dir.resolve("console.log")));
            Process qemu = new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("qemu.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            GuestAgent agent;
            try {
                agent = GuestAgent.connect(hostname, socket, Duration.ofSeconds(20));
            } catch (RuntimeException e) {
                qemu.destroyForcibly();
                throw new LabException(e.getMessage() + "\nqemu.log:\n" + read(dir.resolve("qemu.log")), e);
            }
            return new Vm(hostname, dir, qemu, agent);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare VM " + hostname + " in " + dir, e);
        }
    }

    /** Writes /etc/hostname and /etc/hosts into the image copy with debugfs: no mount, no loop device. */
    private static void bake(Path root, Path dir, String hostname, String hostsFile) throws IOException {
        Path hostnameFile = writeFile(dir.resolve("hostname"), hostname + "\n");
        Path hosts = writeFile(dir.resolve("hosts"), hostsFile);
        Path requests = writeFile(dir.resolve("debugfs.requests"), String.join("\n",
                "rm /etc/hosts",
                "write " + hosts + " /etc/hosts",
                "write " + hostnameFile + " /etc/hostname", ""));
        Command.run(List.of("debugfs", "-w", "-f", requests.toString(), root.toString())).requireSuccess();
    }

    private static Path writeFile(Path path, String content) throws IOException {
        Files.writeString(path, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        return path;
    }

    public void awaitBoot(Duration timeout) {
        try {
            agent.awaitReady(timeout);
        } catch (LabException e) {
            throw new LabException(e.getMessage() + "\nconsole:\n" + consoleTail(), e);
        }
    }

    /** Runs argv in the guest; fails with the guest's output if it exits non-zero. */
    public String run(String... argv) {
        return agent.call(List.of(argv), Duration.ofMinutes(3)).requireSuccess(name).output();
    }

    /** Runs argv in the guest and returns the result whatever the exit status. */
    public GuestResult exec(Duration timeout, String... argv) {
        return agent.call(List.of(argv), timeout);
    }

    public String name() {
        return name;
    }

    public boolean running() {
        return qemu.isAlive();
    }

    /** Hard power loss: SIGKILL to QEMU. */
    public void powerOff() {
        qemu.destroyForcibly();
        try {
            if (!qemu.waitFor(10, TimeUnit.SECONDS)) {
                throw new LabException("QEMU of " + name + " survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while powering off " + name, e);
        }
        agent.close();
    }

    public String consoleTail() {
        List<String> lines = read(dir.resolve("console.log")).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static String read(Path path) {
        try {
            return Files.exists(path) ? Files.readString(path, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (qemu.isAlive()) {
            powerOff();
        }
        agent.close();
    }
}
