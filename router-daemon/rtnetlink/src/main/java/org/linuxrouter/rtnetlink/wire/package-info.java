/**
 * Pure netlink encoding: {@link org.linuxrouter.rtnetlink.wire.MessageWriter} and
 * {@link org.linuxrouter.rtnetlink.wire.MessageReader} over little-endian buffers with 4-byte alignment, TLV
 * {@link org.linuxrouter.rtnetlink.wire.Attributes} (nested included), the kernel structs (ifinfomsg, ifaddrmsg,
 * rtmsg, ndmsg, nlmsgerr with extack) and the constant holders that name the kernel's numbers.
 *
 * <p>Owns: byte layout only. Must not import JNA, open sockets, or know about links, addresses or routes as
 * objects: that mapping lives in {@code org.linuxrouter.rtnetlink}. Everything here is testable without root.
 */
package org.linuxrouter.rtnetlink.wire;
