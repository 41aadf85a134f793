package org.linuxrouter.sdk.conformance;

/** The locations surefire passes to the tests as system properties (see cloudstack-sdk/pom.xml). */
final class SdkPaths {
    private SdkPaths() {
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("expected system property " + name
                    + " (set by the surefire configuration in cloudstack-sdk/pom.xml), saw none");
        }
        return value;
    }
}
