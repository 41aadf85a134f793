/**
 * Proof that the compile-only CloudStack SDK is faithful: parses the {@code javap -protected} listing of
 * the real CloudStack classes, produces the same listing for the compiled SDK classes, and compares them
 * (class exists, identical header, every SDK member present verbatim, every abstract and default method of
 * a real interface present in the SDK).
 */
package org.linuxrouter.sdk.conformance;
