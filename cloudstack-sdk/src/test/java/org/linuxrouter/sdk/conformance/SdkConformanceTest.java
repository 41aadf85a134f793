package org.linuxrouter.sdk.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The whole compiled SDK against the real CloudStack listing (and the hand-written supplement). */
class SdkConformanceTest {

    @Test
    void sdkMatchesTheCloudStackListing() throws IOException {
        Listing listing = Listing.read(Path.of(SdkPaths.property("sdk.sigs")));
        assertTrue(listing.size() > 1000, "expected the full cloudstack listing, saw " + listing.size() + " classes");
        Listing reference = listing.plus(Listing.read(Path.of(SdkPaths.property("sdk.supplement"))));
        Listing sdk = JavapListing.of(Path.of(SdkPaths.property("sdk.classes")), JavapListing.jvmClasspath());

        ConformanceReport report = new ConformanceChecker(reference).check(sdk);

        System.out.println(report.summary());
        assertTrue(report.conforms(), report.details());
        assertEquals(List.of(), rootsMissingFrom(sdk), "expected every root type and rooted member of sdk-roots.txt"
                + " in the compiled sdk");
    }

    /** Root types absent from the compiled SDK, and rooted member names absent from their type. */
    private static List<String> rootsMissingFrom(Listing sdk) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(SdkPaths.property("sdk.roots")), StandardCharsets.UTF_8)) {
            String[] words = line.replaceAll("#.*", "").trim().split("\\s+");
            if (words[0].isEmpty()) {
                continue;
            }
            Optional<ClassBlock> block = sdk.block(words[0]);
            if (block.isEmpty()) {
                missing.add(words[0]);
                continue;
            }
            Set<String> names = block.get().members().stream()
                    .map(m -> Signatures.memberName(m, words[0])).collect(Collectors.toSet());
            for (int i = 1; i < words.length; i++) {
                if (!names.contains(words[i])) {
                    missing.add(words[0] + "." + words[i]);
                }
            }
        }
        return missing;
    }
}
