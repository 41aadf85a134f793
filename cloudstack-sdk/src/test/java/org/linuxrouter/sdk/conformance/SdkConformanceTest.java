package org.linuxrouter.sdk.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The whole compiled SDK against the real CloudStack listing. */
class SdkConformanceTest {

    @Test
    void sdkMatchesTheCloudStackListing() {
        Listing listing = Listing.read(Path.of(SdkPaths.property("sdk.sigs")));
        assertTrue(listing.size() > 1000, "expected the full cloudstack listing, saw " + listing.size() + " classes");
        Listing reference = listing.plus(Listing.read(Path.of(SdkPaths.property("sdk.supplement"))));
        Listing sdk = JavapListing.of(Path.of(SdkPaths.property("sdk.classes")), JavapListing.jvmClasspath());

        ConformanceReport report = new ConformanceChecker(reference).check(sdk);

        System.out.println(report.summary());
        assertTrue(report.conforms(), report.details());
    }
}
