package org.linuxrouter.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactScannerTest {

    private final ArtifactScanner scanner = new ArtifactScanner(Set.of("com/cloud/network/Network.class"));

    @TempDir
    Path dir;

    @Test
    void cleanJarHasNoForbiddenEntries() throws IOException {
        Path jar = jar("clean.jar", Map.of("org/linuxrouter/cloudstack/LinuxRouterElement.class", new byte[] {1},
                "META-INF/cloudstack/linuxrouter/module.properties", new byte[] {2}));
        assertEquals(List.of(), scanner.forbiddenEntries(jar));
    }

    @Test
    void sdkClassAndCloudStackPackageAreReported() throws IOException {
        Path jar = jar("leaky.jar", Map.of("com/cloud/network/Network.class", new byte[] {1},
                "org/apache/cloudstack/api/BaseCmd.class", new byte[] {2},
                "org/linuxrouter/Ok.class", new byte[] {3}));
        List<String> found = scanner.forbiddenEntries(jar);
        assertEquals(2, found.size(), found.toString());
    }

    @Test
    void sdkClassInsideANestedJarIsReported() throws IOException {
        byte[] inner = zipBytes(Map.of("com/cloud/network/Network.class", new byte[] {1}));
        Path jar = jar("fat.jar", Map.of("lib/cloudstack-sdk.jar", inner));
        assertEquals(List.of(jar + "!lib/cloudstack-sdk.jar!com/cloud/network/Network.class"),
                scanner.forbiddenEntries(jar));
    }

    @Test
    void anEmptySdkListIsRejectedSoTheCheckCannotPassVacuously() {
        assertThrows(IllegalArgumentException.class, () -> new ArtifactScanner(Set.of()));
    }

    private Path jar(String name, Map<String, byte[]> entries) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, zipBytes(entries));
        return path;
    }

    private static byte[] zipBytes(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
