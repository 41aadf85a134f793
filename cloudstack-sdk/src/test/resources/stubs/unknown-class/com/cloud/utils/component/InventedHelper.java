package com.cloud.utils.component;

/** Test stub: a class CloudStack does not have. */
public final class InventedHelper {
    private InventedHelper() {
    }
}
