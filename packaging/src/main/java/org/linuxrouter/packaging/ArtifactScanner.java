package org.linuxrouter.packaging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Lists the entries of an artifact that must not ship: any class of the SDK, and any class in CloudStack's own
 * packages. Jars nested in jars are opened too, since a fat jar or a lib/ directory inside a tarball would
 * carry the SDK just the same.
 */
public final class ArtifactScanner {

    /** CloudStack's package roots: nothing of ours lives there, so any class under them is a leak. */
    static final List<String> CLOUDSTACK_PACKAGES = List.of("com/cloud/", "org/apache/cloudstack/");

    private final Set<String> sdkClassEntries;

    /** @param sdkClassEntries entry names of the SDK's classes, such as {@code com/cloud/network/Network.class} */
    public ArtifactScanner(Set<String> sdkClassEntries) {
        if (sdkClassEntries.isEmpty()) {
            throw new IllegalArgumentException("sdk class entries: expected at least one, got none");
        }
        this.sdkClassEntries = Set.copyOf(sdkClassEntries);
    }

    /** Returns the forbidden entries of a jar/zip file, each as {@code path!entry[!nested entry]}. */
    public List<String> forbiddenEntries(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            List<String> found = new ArrayList<>();
            scanZip(in, jar.toString(), found);
            return found;
        }
    }

    private void scanZip(InputStream in, String where, List<String> found) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            String name = e.getName();
            if (isForbidden(name)) {
                found.add(where + "!" + name);
            } else if (name.endsWith(".jar")) {
                byte[] nested = zip.readAllBytes();
                scanZip(new ByteArrayInputStream(nested), where + "!" + name, found);
            }
        }
    }

    boolean isForbidden(String entry) {
        if (!entry.endsWith(".class")) {
            return false;
        }
        return sdkClassEntries.contains(entry) || CLOUDSTACK_PACKAGES.stream().anyMatch(entry::startsWith);
    }
}
