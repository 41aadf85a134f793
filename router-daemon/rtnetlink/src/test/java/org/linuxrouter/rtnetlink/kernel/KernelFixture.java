package org.linuxrouter.rtnetlink.kernel;

import org.linuxrouter.rtnetlink.testing.Ip;

/** Common set-up done with iproute2 (not the library under test), so a library bug cannot hide in the fixture. */
final class KernelFixture {
    private KernelFixture() {
    }

    /** A veth pair {@code name}/{@code name}p with {@code name} up; routes need an up device. Returns its ifindex. */
    static int upVeth(String name) {
        Ip.run("link", "add", name, "type", "veth", "peer", "name", name + "p");
        Ip.run("link", "set", name, "up");
        return Ip.index(name);
    }
}
