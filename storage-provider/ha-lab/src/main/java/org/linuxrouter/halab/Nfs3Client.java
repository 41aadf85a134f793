package org.linuxrouter.halab;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The smallest NFSv3 client that can prove a failover (RFC 1813 over ONC RPC/TCP, AUTH_SYS as root): MOUNT, LOOKUP,
 * CREATE, WRITE with {@code FILE_SYNC}, READ, NULL.
 *
 * <p>Why not a stock client: the host kernel has no NFS client module, and libnfs' {@code nfs-cp} writes
 * {@code UNSTABLE} without a COMMIT, so its exit status says nothing about durability. Here a write counts as
 * acknowledged only when the server answered {@code committed = FILE_SYNC}: the data and the file's metadata are on
 * stable storage, which on this pair means on both DRBD disks (protocol C).
 *
 * <p>Every call opens a fresh connection from a reserved port (Linux nfsd and mountd refuse others without
 * {@code insecure}), so a call after a failover reaches whichever node holds the floating IP now. Must run on a
 * thread inside the lab's namespace ({@link NetnsExecutor}).
 */
public final class Nfs3Client {

    private static final int PORTMAP = 100000;
    private static final int MOUNT = 100005;
    private static final int NFS = 100003;
    private static final int NFS_PORT = 2049;
    private static final int FILE_SYNC = 2;
    private static final int NFS3_OK = 0;
    private static final int NFS3ERR_EXIST = 17;

    private final InetAddress server;
    private final Duration timeout;

    public Nfs3Client(InetAddress server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    /** NFS NULL procedure: does the server answer NFS on the address right now? */
    public void ping() throws IOException {
        call(NFS_PORT, NFS, 3, 0, new Xdr());
    }

    /**
     * NFS NULL on a fresh connection from an ephemeral port, closed with a reset (no TIME_WAIT): what a client that
     * reconnects every time would see, for sampling availability several times a second without using up the few
     * hundred reserved ports the writes need. NULL is not subject to the export's {@code secure} check.
     */
    public void probe(Duration probeTimeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoLinger(true, 0);
            socket.setSoTimeout((int) probeTimeout.toMillis());
            socket.connect(new InetSocketAddress(server, NFS_PORT), (int) probeTimeout.toMillis());
            exchange(socket, NFS, 3, 0, new Xdr());
        }
    }

    /** MNT: the root file handle of {@code exportPath}. */
    public byte[] mount(String exportPath) throws IOException {
        Xdr getport = new Xdr().u32(MOUNT).u32(3).u32(6).u32(0);
        int mountPort = call(111, PORTMAP, 2, 3, getport).getInt();
        if (mountPort <= 0) {
            throw new IOException("mountd v3/tcp is not registered with the portmapper of " + server);
        }
        ByteBuffer reply = call(mountPort, MOUNT, 3, 1, new Xdr().string(exportPath));
        int status = reply.getInt();
        if (status != 0) {
            throw new IOException("MNT " + exportPath + " refused with status " + status);
        }
        return opaque(reply);
    }

    /** LOOKUP name in dir: the file handle, or null if there is no such entry. */
    public byte[] lookup(byte[] dir, String name) throws IOException {
        ByteBuffer reply = call(NFS_PORT, NFS, 3, 3, new Xdr().opaque(dir).string(name));
        int status = reply.getInt();
        if (status == 2) {
            return null;
        }
        check(status, "LOOKUP " + name);
        return opaque(reply);
    }

    /**
     * Creates (or truncates) {@code name} in {@code dir} and writes {@code data} with FILE_SYNC.
     *
     * @return true only if the server acknowledged the data as committed to stable storage
     */
    public boolean writeFile(byte[] dir, String name, byte[] data) throws IOException {
        Xdr create = new Xdr().opaque(dir).string(name).u32(0) // UNCHECKED
                .u32(1).u32(0644).u32(0).u32(0).u32(1).u64(0).u32(0).u32(0); // mode, no uid/gid, size 0, times
        ByteBuffer reply = call(NFS_PORT, NFS, 3, 8, create);
        check(reply.getInt(), "CREATE " + name);
        byte[] handle = reply.getInt() != 0 ? opaque(reply) : lookup(dir, name);
        if (handle == null) {
            throw new IOException("CREATE " + name + " returned no handle and LOOKUP does not find it");
        }
        Xdr write = new Xdr().opaque(handle).u64(0).u32(data.length).u32(FILE_SYNC).opaque(data);
        reply = call(NFS_PORT, NFS, 3, 7, write);
        check(reply.getInt(), "WRITE " + name);
        skipWcc(reply);
        int count = reply.getInt();
        int committed = reply.getInt();
        return count == data.length && committed == FILE_SYNC;
    }

    /** READ the whole of a small file (up to {@code max} bytes); null if it does not exist. */
    public byte[] readFile(byte[] dir, String name, int max) throws IOException {
        byte[] handle = lookup(dir, name);
        if (handle == null) {
            return null;
        }
        ByteBuffer reply = call(NFS_PORT, NFS, 3, 6, new Xdr().opaque(handle).u64(0).u32(max));
        check(reply.getInt(), "READ " + name);
        skipPostOpAttr(reply);
        reply.getInt(); // count
        reply.getInt(); // eof
        return opaque(reply);
    }

    private static void check(int status, String what) throws IOException {
        if (status != NFS3_OK && status != NFS3ERR_EXIST) {
            throw new IOException(what + " failed with NFS3 status " + status);
        }
    }

    private static void skipWcc(ByteBuffer reply) {
        if (reply.getInt() != 0) {
            reply.position(reply.position() + 24); // wcc_attr: size, mtime, ctime
        }
        skipPostOpAttr(reply);
    }

    private static void skipPostOpAttr(ByteBuffer reply) {
        if (reply.getInt() != 0) {
            reply.position(reply.position() + 84); // fattr3
        }
    }

    private static byte[] opaque(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        buffer.position(buffer.position() + ((4 - bytes.length % 4) % 4));
        return bytes;
    }

    /** One ONC RPC call on a new TCP connection; returns the procedure's result, positioned at its start. */
    private ByteBuffer call(int port, int program, int version, int procedure, Xdr args) throws IOException {
        try (Socket socket = connected(port)) {
            return exchange(socket, program, version, procedure, args);
        }
    }

    /** One ONC RPC call on the connected {@code socket}; the procedure's result, positioned at its start. */
    private ByteBuffer exchange(Socket socket, int program, int version, int procedure, Xdr args) throws IOException {
        int xid = ThreadLocalRandom.current().nextInt();
        Xdr message = new Xdr().u32(xid).u32(0).u32(2).u32(program).u32(version).u32(procedure)
                .u32(1).opaque(authSys()) // AUTH_SYS credentials
                .u32(0).u32(0)            // AUTH_NONE verifier
                .raw(args.bytes());
        OutputStream out = socket.getOutputStream();
        byte[] body = message.bytes();
        out.write(ByteBuffer.allocate(4).putInt(0x80000000 | body.length).array());
        out.write(body);
        out.flush();
        ByteBuffer reply = readRecord(new DataInputStream(socket.getInputStream()));
        if (reply.getInt() != xid || reply.getInt() != 1) {
            throw new IOException("unexpected RPC reply from " + socket.getRemoteSocketAddress());
        }
        if (reply.getInt() != 0) {
            throw new IOException("RPC call to program " + program + " was denied");
        }
        reply.getInt(); // verifier flavour
        opaque(reply);  // verifier body
        int acceptStat = reply.getInt();
        if (acceptStat != 0) {
            throw new IOException("RPC program " + program + " procedure " + procedure
                    + " not accepted (accept_stat " + acceptStat + ")");
        }
        return reply;
    }

    private static ByteBuffer readRecord(DataInputStream in) throws IOException {
        java.io.ByteArrayOutputStream record = new java.io.ByteArrayOutputStream();
        boolean last = false;
        while (!last) {
            int header = in.readInt();
            last = (header & 0x80000000) != 0;
            byte[] fragment = new byte[header & 0x7fffffff];
            in.readFully(fragment);
            record.write(fragment);
        }
        return ByteBuffer.wrap(record.toByteArray());
    }

    private static byte[] authSys() {
        return new Xdr().u32(0).string("halab-client").u32(0).u32(0).u32(0).bytes();
    }

    /**
     * A connection from a reserved port. With a few hundred such ports and a connection per call, a port whose last
     * connection to the same server port is still in TIME_WAIT fails with "Cannot assign requested address": take
     * another one.
     */
    private Socket connected(int port) throws IOException {
        BindException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            Socket socket = reservedPortSocket();
            try {
                socket.setSoTimeout((int) timeout.toMillis());
                socket.connect(new InetSocketAddress(server, port), (int) timeout.toMillis());
                return socket;
            } catch (BindException e) {
                socket.close();
                last = e;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }
        throw last;
    }

    /** A socket bound to a free port below 1024, as the server's default {@code secure} export option demands. */
    private static Socket reservedPortSocket() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            Socket socket = new Socket();
            try {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(ThreadLocalRandom.current().nextInt(600, 1024)));
                return socket;
            } catch (BindException e) {
                socket.close();
            }
        }
        throw new IOException("no free reserved port below 1024 for the NFS client");
    }

    /** XDR encoding (RFC 4506) of the few types the calls above need. */
    private static final class Xdr {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        Xdr u32(int value) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
            return this;
        }

        Xdr u64(long value) {
            out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
            return this;
        }

        Xdr opaque(byte[] value) {
            u32(value.length);
            out.writeBytes(value);
            out.writeBytes(new byte[(4 - value.length % 4) % 4]);
            return this;
        }

        Xdr string(String value) {
            return opaque(value.getBytes(StandardCharsets.UTF_8));
        }

        Xdr raw(byte[] value) {
            out.writeBytes(value);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
