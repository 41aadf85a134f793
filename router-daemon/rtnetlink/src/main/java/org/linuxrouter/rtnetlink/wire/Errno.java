package org.linuxrouter.rtnetlink.wire;

import java.util.HashMap;
import java.util.Map;

/**
 * Linux errno numbers with their symbolic names and glibc's descriptions, so that an error read off a netlink
 * socket can be shown as {@code EEXIST (File exists)} without asking libc. The numbers are the generic Linux ones
 * (x86, arm, arm64, riscv, s390x all share them; alpha, mips, parisc and sparc differ and are not supported).
 */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int ERANGE = 34;
    public static final int EMSGSIZE = 90;
    public static final int EOPNOTSUPP = 95;
    public static final int EADDRNOTAVAIL = 99;
    public static final int ENETUNREACH = 101;
    public static final int ENOBUFS = 105;

    private static final Map<Integer, String[]> TABLE = new HashMap<>();

    static {
        put(1, "EPERM", "Operation not permitted");
        put(2, "ENOENT", "No such file or directory");
        put(3, "ESRCH", "No such process");
        put(4, "EINTR", "Interrupted system call");
        put(5, "EIO", "Input/output error");
        put(6, "ENXIO", "No such device or address");
        put(7, "E2BIG", "Argument list too long");
        put(8, "ENOEXEC", "Exec format error");
        put(9, "EBADF", "Bad file descriptor");
        put(10, "ECHILD", "No child processes");
        put(11, "EAGAIN", "Resource temporarily unavailable");
        put(12, "ENOMEM", "Cannot allocate memory");
        put(13, "EACCES", "Permission denied");
        put(14, "EFAULT", "Bad address");
        put(15, "ENOTBLK", "Block device required");
        put(16, "EBUSY", "Device or resource busy");
        put(17, "EEXIST", "File exists");
        put(18, "EXDEV", "Invalid cross-device link");
        put(19, "ENODEV", "No such device");
        put(20, "ENOTDIR", "Not a directory");
        put(21, "EISDIR", "Is a directory");
        put(22, "EINVAL", "Invalid argument");
        put(23, "ENFILE", "Too many open files in system");
        put(24, "EMFILE", "Too many open files");
        put(25, "ENOTTY", "Inappropriate ioctl for device");
        put(26, "ETXTBSY", "Text file busy");
        put(27, "EFBIG", "File too large");
        put(28, "ENOSPC", "No space left on device");
        put(29, "ESPIPE", "Illegal seek");
        put(30, "EROFS", "Read-only file system");
        put(31, "EMLINK", "Too many links");
        put(32, "EPIPE", "Broken pipe");
        put(33, "EDOM", "Numerical argument out of domain");
        put(34, "ERANGE", "Numerical result out of range");
        put(35, "EDEADLK", "Resource deadlock avoided");
        put(36, "ENAMETOOLONG", "File name too long");
        put(37, "ENOLCK", "No locks available");
        put(38, "ENOSYS", "Function not implemented");
        put(39, "ENOTEMPTY", "Directory not empty");
        put(40, "ELOOP", "Too many levels of symbolic links");
        put(42, "ENOMSG", "No message of desired type");
        put(43, "EIDRM", "Identifier removed");
        put(44, "ECHRNG", "Channel number out of range");
        put(45, "EL2NSYNC", "Level 2 not synchronized");
        put(46, "EL3HLT", "Level 3 halted");
        put(47, "EL3RST", "Level 3 reset");
        put(48, "ELNRNG", "Link number out of range");
        put(49, "EUNATCH", "Protocol driver not attached");
        put(50, "ENOCSI", "No CSI structure available");
        put(51, "EL2HLT", "Level 2 halted");
        put(52, "EBADE", "Invalid exchange");
        put(53, "EBADR", "Invalid request descriptor");
        put(54, "EXFULL", "Exchange full");
        put(55, "ENOANO", "No anode");
        put(56, "EBADRQC", "Invalid request code");
        put(57, "EBADSLT", "Invalid slot");
        put(59, "EBFONT", "Bad font file format");
        put(60, "ENOSTR", "Device not a stream");
        put(61, "ENODATA", "No data available");
        put(62, "ETIME", "Timer expired");
        put(63, "ENOSR", "Out of streams resources");
        put(64, "ENONET", "Machine is not on the network");
        put(65, "ENOPKG", "Package not installed");
        put(66, "EREMOTE", "Object is remote");
        put(67, "ENOLINK", "Link has been severed");
        put(68, "EADV", "Advertise error");
        put(69, "ESRMNT", "Srmount error");
        put(70, "ECOMM", "Communication error on send");
        put(71, "EPROTO", "Protocol error");
        put(72, "EMULTIHOP", "Multihop attempted");
        put(73, "EDOTDOT", "RFS specific error");
        put(74, "EBADMSG", "Bad message");
        put(75, "EOVERFLOW", "Value too large for defined data type");
        put(76, "ENOTUNIQ", "Name not unique on network");
        put(77, "EBADFD", "File descriptor in bad state");
        put(78, "EREMCHG", "Remote address changed");
        put(79, "ELIBACC", "Can not access a needed shared library");
        put(80, "ELIBBAD", "Accessing a corrupted shared library");
        put(81, "ELIBSCN", ".lib section in a.out corrupted");
        put(82, "ELIBMAX", "Attempting to link in too many shared libraries");
        put(83, "ELIBEXEC", "Cannot exec a shared library directly");
        put(84, "EILSEQ", "Invalid or incomplete multibyte or wide character");
        put(85, "ERESTART", "Interrupted system call should be restarted");
        put(86, "ESTRPIPE", "Streams pipe error");
        put(87, "EUSERS", "Too many users");
        put(88, "ENOTSOCK", "Socket operation on non-socket");
        put(89, "EDESTADDRREQ", "Destination address required");
        put(90, "EMSGSIZE", "Message too long");
        put(91, "EPROTOTYPE", "Protocol wrong type for socket");
        put(92, "ENOPROTOOPT", "Protocol not available");
        put(93, "EPROTONOSUPPORT", "Protocol not supported");
        put(94, "ESOCKTNOSUPPORT", "Socket type not supported");
        put(95, "EOPNOTSUPP", "Operation not supported");
        put(96, "EPFNOSUPPORT", "Protocol family not supported");
        put(97, "EAFNOSUPPORT", "Address family not supported by protocol");
        put(98, "EADDRINUSE", "Address already in use");
        put(99, "EADDRNOTAVAIL", "Cannot assign requested address");
        put(100, "ENETDOWN", "Network is down");
        put(101, "ENETUNREACH", "Network is unreachable");
        put(102, "ENETRESET", "Network dropped connection on reset");
        put(103, "ECONNABORTED", "Software caused connection abort");
        put(104, "ECONNRESET", "Connection reset by peer");
        put(105, "ENOBUFS", "No buffer space available");
        put(106, "EISCONN", "Transport endpoint is already connected");
        put(107, "ENOTCONN", "Transport endpoint is not connected");
        put(108, "ESHUTDOWN", "Cannot send after transport endpoint shutdown");
        put(109, "ETOOMANYREFS", "Too many references: cannot splice");
        put(110, "ETIMEDOUT", "Connection timed out");
        put(111, "ECONNREFUSED", "Connection refused");
        put(112, "EHOSTDOWN", "Host is down");
        put(113, "EHOSTUNREACH", "No route to host");
        put(114, "EALREADY", "Operation already in progress");
        put(115, "EINPROGRESS", "Operation now in progress");
        put(116, "ESTALE", "Stale file handle");
        put(117, "EUCLEAN", "Structure needs cleaning");
        put(118, "ENOTNAM", "Not a XENIX named type file");
        put(119, "ENAVAIL", "No XENIX semaphores available");
        put(120, "EISNAM", "Is a named type file");
        put(121, "EREMOTEIO", "Remote I/O error");
        put(122, "EDQUOT", "Disk quota exceeded");
        put(123, "ENOMEDIUM", "No medium found");
        put(124, "EMEDIUMTYPE", "Wrong medium type");
        put(125, "ECANCELED", "Operation canceled");
        put(126, "ENOKEY", "Required key not available");
        put(127, "EKEYEXPIRED", "Key has expired");
        put(128, "EKEYREVOKED", "Key has been revoked");
        put(129, "EKEYREJECTED", "Key was rejected by service");
        put(130, "EOWNERDEAD", "Owner died");
        put(131, "ENOTRECOVERABLE", "State not recoverable");
        put(132, "ERFKILL", "Operation not possible due to RF-kill");
    }

    private Errno() {
    }

    private static void put(int errno, String name, String description) {
        TABLE.put(errno, new String[] {name, description});
    }

    /** The symbolic name, e.g. {@code EEXIST}, or {@code E<number>} for a number this table does not know. */
    public static String name(int errno) {
        String[] row = TABLE.get(errno);
        return row == null ? "E" + errno : row[0];
    }

    /** glibc's strerror text, e.g. {@code File exists}, or {@code unknown error <number>}. */
    public static String description(int errno) {
        String[] row = TABLE.get(errno);
        return row == null ? "unknown error " + errno : row[1];
    }
}
