package org.linuxrouter.hactl.inventory;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.hactl.Fixtures;

/** Bad inventories fail with errors that name the field; risky but valid choices pass with a warning. */
class InventoryValidatorTest {

    @TempDir
    Path dir;

    private List<String> errorsFor(String yaml) throws IOException {
        Files.writeString(dir.resolve("cluster.secret"), "0123456789abcdef0123\n");
        Path file = Files.writeString(dir.resolve("inv.yaml"), yaml);
        InventoryException e = assertThrows(InventoryException.class, () -> new InventoryLoader().load(file));
        return e.errors();
    }

    private LoadedInventory loadEdited(String from, String to) throws IOException {
        String yaml = Files.readString(Fixtures.STORAGE_EXAMPLE);
        assertTrue(yaml.contains(from), from);
        Files.copy(Fixtures.STORAGE_EXAMPLE.resolveSibling("cluster.secret"), dir.resolve("cluster.secret"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path file = Files.writeString(dir.resolve("inv.yaml"), yaml.replace(from, to));
        try {
            return new InventoryLoader().load(file);
        } catch (InventoryException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    private List<String> errorsForEdited(String from, String to) throws IOException {
        String yaml = Files.readString(Fixtures.STORAGE_EXAMPLE);
        assertTrue(yaml.contains(from), from);
        return errorsFor(yaml.replace(from, to));
    }

    @Test
    void theExamplesAreValid() {
        assertEquals(List.of(), Fixtures.load(Fixtures.STORAGE_EXAMPLE).warnings());
        assertEquals(List.of(), Fixtures.load(Fixtures.MANAGEMENT_EXAMPLE).warnings());
    }

    @Test
    void aBadAddressNamesTheNodeAndField() throws IOException {
        assertEquals(List.of("nodes[1].replicationAddress: not an IP address: 10.0.10.300"),
                errorsForEdited("replicationAddress: 10.0.10.2", "replicationAddress: 10.0.10.300"));
    }

    @Test
    void anUnknownFieldIsNamedWithItsPath() throws IOException {
        assertEquals(List.of("drbd[0].protocoll: unknown field"),
                errorsForEdited("    protocol: C ", "    protocoll: C "));
    }

    @Test
    void aWrongTypeIsNamedWithItsPath() throws IOException {
        List<String> errors = errorsForEdited("port: 7788", "port: many");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("drbd[0].port: "), errors.toString());
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        List<String> errors = errorsForEdited("    options: [rw, no_root_squash, no_subtree_check]\n    fsid: 2\n",
                "    options: [rw, async]\n");
        assertEquals(List.of("exports[1].options[1]: use the export's 'async' field, not an option",
                "exports[1].fsid: required: without a fixed fsid clients get stale file handles after a failover"),
                errors);
    }

    @Test
    void fsidZeroAndDuplicateFsidsAreRefused() throws IOException {
        assertEquals(List.of("exports[1].fsid: fsid 1 is used by another export"),
                errorsForEdited("    fsid: 2\n", "    fsid: 1\n"));
        assertTrue(errorsForEdited("    fsid: 2\n", "    fsid: 0\n").get(0).startsWith("exports[1].fsid: must be at least 1"));
    }

    @Test
    void anExportOutsideEveryLogicalVolumeIsRefused() throws IOException {
        assertTrue(errorsForEdited("  - path: /srv/nfs/files", "  - path: /srv/other").get(0)
                .startsWith("exports[1].path: /srv/other is not on a logical volume's mount point"));
    }

    @Test
    void aValueThatWouldBreakOutOfItsConfigLineIsRefused() throws IOException {
        assertEquals(List.of("floatingIp.interface: 'eth1 ; reboot' is not a network interface name"),
                errorsForEdited("interface: eth1", "interface: \"eth1 ; reboot\""));
        assertEquals(List.of("lvm.logicalVolumes[0].mountOptions[0]: 'nosuid\"x' is not one mount option"),
                errorsForEdited("[nosuid, usrquota, noatime]\n    - name: files",
                        "['nosuid\"x', usrquota, noatime]\n    - name: files"));
    }

    @Test
    void theLvmPvMustBeADrbdDeviceAndTheBackingDiskIsNeverALocalPv() throws IOException {
        assertEquals(List.of("lvm.physicalVolume: /dev/sdb1 is not the device of a drbd resource",
                "lvm.localPhysicalVolumes[0]: /dev/sdb1 is the backing disk of DRBD resource r0: LVM must never see it"),
                errorsForEdited("physicalVolume: /dev/drbd0   # the VG lives on the DRBD device\n  localPhysicalVolumes: []",
                        "physicalVolume: /dev/sdb1\n  localPhysicalVolumes: [/dev/sdb1]"));
    }

    @Test
    void asyncMd5AndOneLinkAreWarnings() throws IOException {
        LoadedInventory loaded = loadEdited("    async: false ", "    async: true ");
        assertEquals(1, loaded.warnings().size());
        assertTrue(loaded.warnings().get(0).startsWith("exports[0].async: async: the server acknowledges writes"));
        assertTrue(loadEdited("authMethod: sha1", "authMethod: md5").warnings().get(0)
                .startsWith("cluster.authMethod: md5"));
        assertEquals(List.of("cluster.authMethod: 'crc' is not one of [md5, sha1]"),
                errorsForEdited("authMethod: sha1", "authMethod: crc"));
    }

    @Test
    void aPairHasTwoNodes() throws IOException {
        List<String> errors = errorsForEdited("  - hostname: nfs2\n    replicationAddress: 10.0.10.2\n"
                + "    managementAddress: 192.168.1.12\n", "");
        assertEquals(List.of("nodes: a pair has exactly 2 nodes, found 1"), errors);
    }

    @Test
    void theSecretFileMustExistAndBeOneLongWord() throws IOException {
        Path file = Files.writeString(dir.resolve("inv.yaml"), Files.readString(Fixtures.STORAGE_EXAMPLE));
        InventoryException missing = assertThrows(InventoryException.class, () -> new InventoryLoader().load(file));
        assertTrue(missing.errors().get(0).startsWith("cluster.secretFile: cannot read"), missing.errors().toString());
        Files.writeString(dir.resolve("cluster.secret"), "two words\n");
        InventoryException spaced = assertThrows(InventoryException.class, () -> new InventoryLoader().load(file));
        assertTrue(spaced.errors().get(0).contains("one word of at most 4096 printable"), spaced.errors().toString());
        Files.writeString(dir.resolve("cluster.secret"), "Hello!\n");
        assertEquals(List.of("cluster.secretFile: the secret has only 6 characters; use at least 16 "
                + "(openssl rand -hex 32)"), assertDoesNotThrow(() -> new InventoryLoader().load(file)).warnings());
    }

    @Test
    void aFieldGivenTwiceIsRefused() throws IOException {
        List<String> errors = errorsForEdited("    fsid: 2\n", "    fsid: 2\n    fsid: 3\n");
        assertTrue(errors.get(0).matches("\\(syntax\\) line 4[56]: Duplicate field 'fsid'"), errors.toString());
    }

    @Test
    void aYamlSyntaxErrorGivesTheLine() throws IOException {
        List<String> errors = errorsFor("version: 1\nnodes: [\n");
        assertTrue(errors.get(0).startsWith("(syntax) line "), errors.toString());
    }
}
