package org.linuxrouter.hactl.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.hactl.Fixtures;
import org.linuxrouter.hactl.Tool;
import org.linuxrouter.hactl.inventory.LoadedInventory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The rendered files are read by the real parsers: drbd-utils' 8.4 and 9 front ends, haproxy's config check, and
 * crmsh loading the crm file into a file-backed CIB that Pacemaker's own crm_verify then checks. The CIB is read
 * back as XML, not through crmsh, to check the order and constraints that were asked for.
 */
class RealToolsAcceptRenderedFilesTest {

    @TempDir
    Path dir;

    private static List<RenderedFile> filesOf(Path inventory) {
        LoadedInventory loaded = Fixtures.load(inventory);
        return new PairRenderer().renderNode(loaded, loaded.inventory().nodes().get(0));
    }

    private static RenderedFile file(List<RenderedFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError(path));
    }

    private Path write(RenderedFile f) throws IOException {
        Path p = dir.resolve(f.path().replace('/', '_'));
        Files.write(p, f.content());
        return p;
    }

    @Test
    void drbdadm84ParsesThe84DialectAndRejectsThe9One() throws Exception {
        Path res84 = write(file(filesOf(Fixtures.STORAGE_EXAMPLE), "etc/drbd.d/r0.res"));
        Tool.Result ok = Tool.run(List.of("/lib/drbd/drbdadm-84", "-c", res84.toString(), "dump", "all"), Map.of());
        assertEquals(0, ok.status(), ok.output());
        assertTrue(ok.output().contains("address          ipv4 10.0.10.2:7788;"), ok.output());

        Path res9 = write(file(filesOf(Fixtures.STORAGE_PACEMAKER_9), "etc/drbd.d/r0.res"));
        Tool.Result wrongDialect = Tool.run(List.of("/lib/drbd/drbdadm-84", "-c", res9.toString(), "dump", "all"),
                Map.of());
        assertNotEquals(0, wrongDialect.status(), "8.4 has fencing in disk{}, not net{}: " + wrongDialect.output());
    }

    @Test
    void drbdadm9ParsesThe9Dialect() throws Exception {
        Path res9 = write(file(filesOf(Fixtures.STORAGE_PACEMAKER_9), "etc/drbd.d/r0.res"));
        // without a loaded module drbdadm uses its DRBD 9 parser
        Tool.Result ok = Tool.run(List.of("drbdadm", "-c", res9.toString(), "dump", "all"), Map.of());
        assertEquals(0, ok.status(), ok.output());
        assertTrue(ok.output().contains("node-id 1;"), ok.output());
        assertTrue(ok.output().contains("fence-peer       /usr/lib/drbd/crm-fence-peer.9.sh;"), ok.output());
    }

    @Test
    void haproxyAcceptsTheManagementLoadBalancer() throws Exception {
        Path cfg = write(file(filesOf(Fixtures.MANAGEMENT_EXAMPLE), "etc/haproxy/haproxy.cfg"));
        Tool.Result check = Tool.run(List.of("haproxy", "-c", "-f", cfg.toString()), Map.of());
        assertEquals(0, check.status(), check.output());
    }

    @Test
    void crmshLoadsThePacemakerConfigurationAndCrmVerifyAcceptsIt() throws Exception {
        Path crm = write(file(filesOf(Fixtures.STORAGE_PACEMAKER_9), "etc/hactl/cluster.crm"));
        Path cib = dir.resolve("cib.xml");
        Tool.Result empty = Tool.run(List.of("cibadmin", "--empty"), Map.of());
        assertEquals(0, empty.status(), empty.output());
        Files.writeString(cib, empty.output());
        Map<String, String> env = Map.of("CIB_file", cib.toString());
        // -F: this machine has no DRBD agent and no nfs-server unit whose metadata crmsh could check
        Tool.Result load = Tool.run(List.of("crm", "-F", "configure", "load", "update", crm.toString()), env);
        assertEquals(0, load.status(), load.output());
        Tool.Result verify = Tool.run(List.of("crm_verify", "--xml-file", cib.toString()), Map.of());
        assertEquals(0, verify.status(), verify.output());

        Document doc;
        try (InputStream in = Files.newInputStream(cib)) {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        Element group = byId(doc, "group", "g_nfs-lab");
        assertEquals(List.of("p_lvm_vg_lab", "p_fs_data", "p_nfsserver", "p_export_fsid7_10.97.0.0_24",
                "p_export_fsid7_10.96.0.5", "p_vip"), childIds(group), "start order, floating IP last");
        Element clone = byId(doc, "clone", "c_drbd_r0");
        assertEquals("true", nvpair(clone, "promotable"));
        assertEquals("1", nvpair(clone, "promoted-max"));
        Element order = byId(doc, "rsc_order", "o_r0_before_nfs-lab");
        assertEquals("c_drbd_r0", order.getAttribute("first"));
        assertEquals("promote", order.getAttribute("first-action"));
        assertEquals("g_nfs-lab", order.getAttribute("then"));
        Element colocation = byId(doc, "rsc_colocation", "col_nfs-lab_on_r0");
        assertEquals("g_nfs-lab", colocation.getAttribute("rsc"));
        assertEquals("c_drbd_r0", colocation.getAttribute("with-rsc"));
        assertEquals("Promoted", colocation.getAttribute("with-rsc-role"));
        assertEquals("INFINITY", colocation.getAttribute("score"));
        Element export = byId(doc, "primitive", "p_export_fsid7_10.96.0.5");
        assertEquals("exportfs", export.getAttribute("type"));
        assertEquals("7", nvpair(export, "fsid"));
        assertEquals("ro,root_squash,no_subtree_check,sync", nvpair(export, "options"));
    }

    private static Element byId(Document doc, String tag, String id) {
        NodeList list = doc.getElementsByTagName(tag);
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no <" + tag + " id=" + id + "> in the CIB");
    }

    private static List<String> childIds(Element group) {
        List<String> ids = new ArrayList<>();
        NodeList children = group.getElementsByTagName("primitive");
        for (int i = 0; i < children.getLength(); i++) {
            ids.add(((Element) children.item(i)).getAttribute("id"));
        }
        return ids;
    }

    private static String nvpair(Element parent, String name) {
        NodeList pairs = parent.getElementsByTagName("nvpair");
        for (int i = 0; i < pairs.getLength(); i++) {
            Element p = (Element) pairs.item(i);
            if (name.equals(p.getAttribute("name"))) {
                return p.getAttribute("value");
            }
        }
        throw new AssertionError("no nvpair " + name);
    }
}
