/**
 * rtnetlink for Java: the public API. {@link org.linuxrouter.rtnetlink.Rtnl} opens a connection in a network
 * namespace and hands out one operations class per kernel object ({@link org.linuxrouter.rtnetlink.Links},
 * {@link org.linuxrouter.rtnetlink.Addresses}, {@link org.linuxrouter.rtnetlink.Routes},
 * {@link org.linuxrouter.rtnetlink.Neighbours}) plus {@link org.linuxrouter.rtnetlink.Batch};
 * {@link org.linuxrouter.rtnetlink.RtnlEvents} delivers change events. Values are immutable records validated at
 * construction; failures are {@link org.linuxrouter.rtnetlink.NetlinkException}.
 *
 * <p>Owns: mapping kernel objects to and from messages (the package-private codecs) and the error model. Must not
 * import com.sun.jna: native calls go through {@code org.linuxrouter.rtnetlink.internal}, which is not published.
 * Every public operation documents its iproute2 equivalent.
 */
package org.linuxrouter.rtnetlink;
