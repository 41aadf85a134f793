package org.linuxrouter.sdk.generator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** javac's bridges in the listing are recognised (and so left to javac); real methods are not. */
class BridgeDetectorTest {
    private final BridgeDetector detector = new BridgeDetector(RealListing.model());

    @Test
    void covariantStateGetterInAnInterfaceHasADefaultBridge() {
        String network = "com.cloud.network.Network";

        assertTrue(detector.isBridge(Member.parse("public default java.lang.Object getState();", network)));
        assertFalse(detector.isBridge(Member.parse("public abstract com.cloud.network.Network$State getState();",
                network)));
    }

    @Test
    void covariantReturnInAClassHasABridge() {
        String cre = "com.cloud.utils.exception.CloudRuntimeException";

        assertTrue(detector.isBridge(Member.parse(
                "public com.cloud.utils.exception.ErrorContext add(java.lang.Class, java.lang.String);", cre)));
        assertFalse(detector.isBridge(Member.parse(
                "public com.cloud.utils.exception.CloudRuntimeException add(java.lang.Class<?>, java.lang.String);", cre)));
    }

    @Test
    void ordinaryOverloadsAreNotBridges() {
        String cre = "com.cloud.utils.exception.CloudRuntimeException";

        assertFalse(detector.isBridge(Member.parse("public void addProxyObject(java.lang.String);", cre)));
        assertFalse(detector.isBridge(Member.parse("public void addProxyObject(java.lang.String, java.lang.String);",
                cre)));
    }
}
