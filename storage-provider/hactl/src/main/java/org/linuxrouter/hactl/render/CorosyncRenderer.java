package org.linuxrouter.hactl.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.linuxrouter.hactl.inventory.ClusterLink;
import org.linuxrouter.hactl.inventory.Inventory;
import org.linuxrouter.hactl.inventory.Node;

/**
 * {@code /etc/corosync/corosync.conf} and {@code /etc/corosync/authkey} for the Pacemaker stack: knet with one link
 * per inventory link (so a single NIC fault is not a partition), encrypted and authenticated (Debian's shipped file
 * has both {@code none}), and {@code two_node: 1} so the survivor of a pair keeps quorum. The authkey is derived
 * from the inventory's secret, so both nodes render the same key and re-rendering changes nothing.
 */
public final class CorosyncRenderer implements FileRenderer {

    static final int AUTHKEY_BYTES = 256; // corosync-keygen's default size

    @Override
    public List<RenderedFile> render(NodeContext ctx) {
        if (!ctx.inventory().usesPacemaker()) {
            return List.of();
        }
        return List.of(
                RenderedFile.text("etc/corosync/corosync.conf", corosyncConf(ctx)),
                new RenderedFile("etc/corosync/authkey", authkey(ctx.loaded().secret()), 0400));
    }

    private static String corosyncConf(NodeContext ctx) {
        Inventory inv = ctx.inventory();
        StringBuilder out = new StringBuilder(ctx.header("#"));
        out.append("totem {\n");
        out.append("    version: 2\n");
        out.append("    cluster_name: ").append(inv.name()).append('\n');
        out.append("    transport: knet\n");
        out.append("    crypto_cipher: aes256\n");
        out.append("    crypto_hash: sha256\n");
        out.append("}\n\n");
        out.append("nodelist {\n");
        for (int i = 0; i < inv.nodes().size(); i++) {
            Node n = inv.nodes().get(i);
            out.append("    node {\n");
            out.append("        name: ").append(n.hostname()).append('\n');
            out.append("        nodeid: ").append(i + 1).append('\n');
            List<ClusterLink> links = inv.cluster().links();
            for (int l = 0; l < links.size(); l++) {
                out.append("        ring").append(l).append("_addr: ").append(n.addressOn(links.get(l).network()))
                        .append('\n');
            }
            out.append("    }\n");
        }
        out.append("}\n\n");
        out.append("quorum {\n");
        out.append("    provider: corosync_votequorum\n");
        out.append("    two_node: 1\n");
        out.append("}\n\n");
        out.append("logging {\n");
        out.append("    to_logfile: yes\n");
        out.append("    logfile: /var/log/corosync/corosync.log\n");
        out.append("    to_syslog: yes\n");
        out.append("    timestamp: on\n");
        out.append("}\n");
        return out.toString();
    }

    /** SHA-512 in counter mode over the secret: deterministic, and the secret cannot be read back from the key. */
    static byte[] authkey(String secret) {
        try {
            byte[] key = new byte[AUTHKEY_BYTES];
            for (int block = 0; block * 64 < AUTHKEY_BYTES; block++) {
                MessageDigest sha = MessageDigest.getInstance("SHA-512");
                sha.update(("hactl corosync authkey " + block + "\n").getBytes(StandardCharsets.US_ASCII));
                sha.update(secret.getBytes(StandardCharsets.UTF_8));
                byte[] digest = sha.digest();
                System.arraycopy(digest, 0, key, block * 64, Math.min(64, AUTHKEY_BYTES - block * 64));
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-512", e);
        }
    }
}
