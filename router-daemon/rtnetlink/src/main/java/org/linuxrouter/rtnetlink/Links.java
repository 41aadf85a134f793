package org.linuxrouter.rtnetlink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;

/**
 * Network interfaces: list, look up, create, delete and change them. Links are named by interface name, as
 * {@code ip link} does. Every method throws {@link NetlinkException} when the kernel refuses.
 */
public final class Links {
    private final Rtnl rtnl;

    Links(Rtnl rtnl) {
        this.rtnl = rtnl;
    }

    /**
     * Every link in the namespace. Throws {@link DumpInterruptedException} (retry it) if links changed meanwhile.
     * Equivalent to: {@code ip -d link show}.
     */
    public List<Link> list() {
        List<Link> links = new ArrayList<>();
        for (NetlinkMessage m : rtnl.dump(LinkCodec.dump())) {
            links.add(LinkCodec.decode(m));
        }
        return links;
    }

    /** The link with this name, or empty. Equivalent to: {@code ip -d link show dev NAME}. */
    public Optional<Link> byName(String name) {
        return rtnl.get(LinkCodec.getByName(name)).map(LinkCodec::decode);
    }

    /** The link with this ifindex, or empty. Equivalent to: {@code ip -d link show} filtered on the index. */
    public Optional<Link> byIndex(int index) {
        return rtnl.get(LinkCodec.getByIndex(index)).map(LinkCodec::decode);
    }

    /**
     * Creates an 802.1Q VLAN sub-interface on the link with ifindex {@code parentIndex}; fails with EEXIST if the
     * name is taken. Equivalent to: {@code ip link add link PARENT name NAME type vlan protocol 802.1Q id VID}.
     *
     * @return the new link, read back from the kernel
     */
    public Link addVlan(String name, int parentIndex, int vlanId) {
        return addVlan(name, new LinkKind.Vlan(parentIndex, vlanId, VlanProtocol.IEEE_802_1Q));
    }

    /** As {@link #addVlan(String, int, int)} with any tag protocol. Equivalent to: {@code ip link add link PARENT
     * name NAME type vlan protocol 802.1ad id VID}. */
    public Link addVlan(String name, LinkKind.Vlan vlan) {
        return add(name, vlan);
    }

    /**
     * Creates a VXLAN device. Equivalent to: {@code ip link add NAME type vxlan id VNI [group|remote ADDR]
     * [local ADDR] [ttl T] [dev UNDERLAY] [dstport P] [no]learning}.
     */
    public Link addVxlan(String name, LinkKind.Vxlan vxlan) {
        return add(name, vxlan);
    }

    /** Creates a dummy link. Equivalent to: {@code ip link add NAME type dummy}. */
    public Link addDummy(String name) {
        return add(name, new LinkKind.Dummy());
    }

    /** Creates a bridge. Equivalent to: {@code ip link add NAME type bridge}. */
    public Link addBridge(String name) {
        return add(name, new LinkKind.Bridge());
    }

    /**
     * Creates a veth pair; returns the end called {@code name}. Equivalent to:
     * {@code ip link add NAME type veth peer name PEER}.
     */
    public Link addVeth(String name, String peerName) {
        rtnl.execute(LinkCodec.createVeth(name, peerName));
        return readBack(name);
    }

    /**
     * Deletes a link; {@link NetlinkException#isNotFound()} (ENODEV) when there is none by that name.
     * Equivalent to: {@code ip link del dev NAME}.
     */
    public void delete(String name) {
        rtnl.execute(LinkCodec.delete(name));
    }

    /** Equivalent to: {@code ip link set dev NAME up}. */
    public void setUp(String name) {
        rtnl.execute(LinkCodec.setUp(name, true));
    }

    /** Equivalent to: {@code ip link set dev NAME down}. */
    public void setDown(String name) {
        rtnl.execute(LinkCodec.setUp(name, false));
    }

    /** Equivalent to: {@code ip link set dev NAME mtu MTU}. The kernel checks the device's own range. */
    public void setMtu(String name, int mtu) {
        rtnl.execute(LinkCodec.setMtu(name, mtu));
    }

    /**
     * Sets the interface alias (IFLA_IFALIAS, up to 255 bytes); an empty alias removes it. Equivalent to:
     * {@code ip link set dev NAME alias ALIAS}.
     */
    public void setAlias(String name, String alias) {
        rtnl.execute(LinkCodec.setAlias(name, alias));
    }

    private Link add(String name, LinkKind kind) {
        rtnl.execute(LinkCodec.create(name, kind));
        return readBack(name);
    }

    private Link readBack(String name) {
        return byName(name).orElseThrow(() -> new IllegalStateException("expected link " + name
                + " to exist right after the kernel acknowledged creating it, it is gone"));
    }
}
