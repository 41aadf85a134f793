/**
 * The only code that touches native code: {@link org.linuxrouter.rtnetlink.internal.LibC} (implemented on JNA by
 * {@code JnaLibC}), {@link org.linuxrouter.rtnetlink.internal.NetlinkSocket} (socket options, binding, whole
 * datagrams), {@link org.linuxrouter.rtnetlink.internal.NetlinkChannel} (sequence numbers, batched ACKs,
 * multipart dumps) and {@link org.linuxrouter.rtnetlink.internal.Netns} (the one place that calls setns).
 *
 * <p>Not a published API: it may change in any release. Must not import {@code org.linuxrouter.rtnetlink}
 * (the public layer depends on this package, never the reverse); only {@code JnaLibC} may import com.sun.jna.
 */
package org.linuxrouter.rtnetlink.internal;
