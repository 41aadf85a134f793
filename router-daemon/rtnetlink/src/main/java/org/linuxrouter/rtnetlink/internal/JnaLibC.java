package org.linuxrouter.rtnetlink.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/** {@link LibC} on JNA: the only class in the library that imports com.sun.jna. */
final class JnaLibC implements LibC {
    /** Direct libc prototypes. size_t/ssize_t are NativeLong, which has their width on every Linux ABI. */
    interface Api extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        int bind(int fd, byte[] address, int length) throws LastErrorException;

        int getsockname(int fd, byte[] address, IntByReference length) throws LastErrorException;

        int setsockopt(int fd, int level, int option, byte[] value, int length) throws LastErrorException;

        NativeLong sendto(int fd, Pointer buffer, NativeLong length, int flags, byte[] address, int addressLength)
                throws LastErrorException;

        NativeLong recv(int fd, Pointer buffer, NativeLong length, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        int open(String path, int flags) throws LastErrorException;

        int unshare(int flags) throws LastErrorException;

        int setns(int fd, int nstype) throws LastErrorException;
    }

    private static final class Holder {
        static final JnaLibC INSTANCE = new JnaLibC(Native.load("c", Api.class));
    }

    private final Api api;
    /**
     * Native I/O buffers, one per thread, reused: a byte[] argument would make JNA allocate and copy the whole
     * array in and out on every call (measured: about 1 ms per 64 KiB receive); this copies only what moved.
     */
    private final ThreadLocal<Memory[]> buffers = ThreadLocal.withInitial(() -> new Memory[1]);

    private JnaLibC(Api api) {
        this.api = api;
    }

    static LibC instance() {
        return Holder.INSTANCE;
    }

    @Override
    public int socket(int domain, int type, int protocol) {
        try {
            return api.socket(domain, type, protocol);
        } catch (LastErrorException e) {
            throw failed("socket", e);
        }
    }

    @Override
    public void bind(int fd, byte[] address) {
        try {
            api.bind(fd, address, address.length);
        } catch (LastErrorException e) {
            throw failed("bind", e);
        }
    }

    @Override
    public int getsockname(int fd, byte[] address) {
        IntByReference length = new IntByReference(address.length);
        try {
            api.getsockname(fd, address, length);
            return length.getValue();
        } catch (LastErrorException e) {
            throw failed("getsockname", e);
        }
    }

    @Override
    public void setsockopt(int fd, int level, int option, byte[] value) {
        try {
            api.setsockopt(fd, level, option, value, value.length);
        } catch (LastErrorException e) {
            throw failed("setsockopt(" + level + ", " + option + ")", e);
        }
    }

    @Override
    public int sendto(int fd, byte[] buffer, int length, byte[] address) {
        try {
            Memory memory = buffer(length);
            memory.write(0, buffer, 0, length);
            return api.sendto(fd, memory, new NativeLong(length), 0, address, address.length).intValue();
        } catch (LastErrorException e) {
            throw failed("sendto", e);
        }
    }

    @Override
    public int recv(int fd, byte[] buffer, int flags) {
        try {
            Memory memory = buffer(buffer.length);
            int length = api.recv(fd, memory, new NativeLong(buffer.length), flags).intValue();
            memory.read(0, buffer, 0, Math.min(length, buffer.length));
            return length;
        } catch (LastErrorException e) {
            throw failed("recv", e);
        }
    }

    @Override
    public void close(int fd) {
        try {
            api.close(fd);
        } catch (LastErrorException e) {
            throw failed("close", e);
        }
    }

    @Override
    public int open(String path, int flags) {
        try {
            return api.open(path, flags);
        } catch (LastErrorException e) {
            throw failed("open " + path, e);
        }
    }

    @Override
    public void unshare(int flags) {
        try {
            api.unshare(flags);
        } catch (LastErrorException e) {
            throw failed("unshare", e);
        }
    }

    @Override
    public void setns(int fd, int nstype) {
        try {
            api.setns(fd, nstype);
        } catch (LastErrorException e) {
            throw failed("setns", e);
        }
    }

    private Memory buffer(int size) {
        Memory[] slot = buffers.get();
        if (slot[0] == null || slot[0].size() < size) {
            slot[0] = new Memory(Math.max(size, 64 * 1024));
        }
        return slot[0];
    }

    @Override
    public int longSize() {
        return Native.LONG_SIZE;
    }

    private static ErrnoException failed(String call, LastErrorException e) {
        return new ErrnoException(call, e.getErrorCode(), java.util.Optional.empty(), e);
    }
}
