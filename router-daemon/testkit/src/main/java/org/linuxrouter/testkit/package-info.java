/**
 * Test support shared by the router-daemon modules: running programs by argv ({@code process}), network
 * namespaces and iproute2 read-back ({@code net}), and the user-mode-linux 802.1Q lab ({@code uml}), which boots
 * a real Linux kernel with VLAN support as an ordinary process because the CI host kernel has none.
 */
package org.linuxrouter.testkit;
