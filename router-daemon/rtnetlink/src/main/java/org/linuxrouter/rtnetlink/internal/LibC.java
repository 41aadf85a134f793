package org.linuxrouter.rtnetlink.internal;

/**
 * The libc calls this library needs, in plain Java types. {@link JnaLibC} is the one implementation today; the
 * seam exists so that a java.lang.foreign backend can replace JNA once the routers run a JDK with a final FFM API.
 * Every method throws {@link ErrnoException} when the call returns -1.
 */
public interface LibC {
    int AF_NETLINK = 16;
    int SOCK_RAW = 3;
    int SOCK_CLOEXEC = 0x80000;
    int NETLINK_ROUTE = 0;
    int SOL_SOCKET = 1;
    int SO_SNDBUF = 7;
    int SO_RCVBUF = 8;
    int SO_RCVTIMEO = 20;
    int SO_RCVBUFFORCE = 33;
    int SOL_NETLINK = 270;
    int NETLINK_CAP_ACK = 10;
    int NETLINK_EXT_ACK = 11;
    int MSG_PEEK = 0x2;
    int MSG_TRUNC = 0x20;
    int MSG_DONTWAIT = 0x40;
    int O_RDONLY = 0;
    int O_CLOEXEC = 0x80000;
    int CLONE_NEWNET = 0x40000000;

    /** The process-wide libc, loaded on first use. */
    static LibC system() {
        return JnaLibC.instance();
    }

    int socket(int domain, int type, int protocol);

    void bind(int fd, byte[] address);

    /** Fills {@code address} with the socket's own address; returns its length. */
    int getsockname(int fd, byte[] address);

    void setsockopt(int fd, int level, int option, byte[] value);

    /** sendto; returns the number of bytes sent. */
    int sendto(int fd, byte[] buffer, int length, byte[] address);

    /** recv into {@code buffer}; returns the length of the datagram (which with MSG_TRUNC may exceed the buffer). */
    int recv(int fd, byte[] buffer, int flags);

    void close(int fd);

    int open(String path, int flags);

    /** Moves only the calling thread into a new namespace of the given kind. */
    void unshare(int flags);

    /** Moves only the calling thread into the namespace behind {@code fd}. */
    void setns(int fd, int nstype);

    /** sizeof(long), for struct timeval. */
    int longSize();
}
