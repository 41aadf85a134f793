package org.linuxrouter.sdk.generator;

import java.nio.file.Path;

import org.linuxrouter.sdk.conformance.Listing;

/** The committed listing plus supplement, located through the system properties surefire sets. */
final class RealListing {
    private static Model model;

    private RealListing() {
    }

    static synchronized Model model() {
        if (model == null) {
            model = new Model(Listing.read(path("sdk.sigs")).plus(Listing.read(path("sdk.supplement"))));
        }
        return model;
    }

    static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("expected system property " + property
                    + " (set by surefire in cloudstack-sdk/pom.xml), saw none");
        }
        return Path.of(value);
    }
}
