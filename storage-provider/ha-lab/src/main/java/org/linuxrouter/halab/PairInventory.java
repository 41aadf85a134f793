package org.linuxrouter.halab;

import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.linuxrouter.hactl.Hactl;
import org.linuxrouter.hactl.inventory.DrbdResource;
import org.linuxrouter.hactl.inventory.Inventory;
import org.linuxrouter.hactl.inventory.InventoryException;
import org.linuxrouter.hactl.inventory.InventoryLoader;
import org.linuxrouter.hactl.inventory.LogicalVolume;
import org.linuxrouter.hactl.inventory.Node;
import picocli.CommandLine;

/**
 * The lab pair as hactl's inventory describes it, and the one step that turns it into files: {@code hactl render}.
 * Node {@code i}'s {@code eth0} carries its management address (the storage network, with the floating IP and the
 * client), {@code eth1} its replication address.
 */
public record PairInventory(Path file, Inventory inventory) {

    public static PairInventory load(Path file) {
        try {
            return new PairInventory(file, new InventoryLoader().load(file).inventory());
        } catch (InventoryException e) {
            throw new LabException("the lab inventory " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    /** {@code hactl render -i <inventory> -o <out>}: every node's files under {@code <out>/<hostname>/}. */
    public String render(Path out) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cli = Hactl.commandLine();
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        int exit = cli.execute("render", "-i", file.toString(), "-o", out.toString());
        if (exit != 0) {
            throw new LabException("hactl render exited " + exit + ":\n" + stderr + stdout);
        }
        return stdout.toString();
    }

    public Node node(int index) {
        return inventory.nodes().get(index - 1);
    }

    public DrbdResource drbd() {
        return inventory.drbd().get(0);
    }

    public LogicalVolume logicalVolume() {
        return inventory.lvm().logicalVolumes().get(0);
    }

    public String volumeGroup() {
        return inventory.lvm().volumeGroup();
    }

    public String exportPath() {
        return inventory.exports().get(0).path();
    }

    public String floatingIp() {
        return inventory.floatingIp().address();
    }

    /** /etc/hosts for both nodes: each name resolves to the node's storage-network address. */
    public String hostsFile() {
        StringBuilder hosts = new StringBuilder("127.0.0.1\tlocalhost\n");
        for (Node node : inventory.nodes()) {
            hosts.append(node.managementAddress()).append('\t').append(node.hostname()).append('\n');
        }
        return hosts.toString();
    }

    List<Node> nodes() {
        return inventory.nodes();
    }
}
