package org.linuxrouter.hactl.render;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Writes rendered files under a root directory, touching only files whose bytes or mode differ: re-rendering an
 * unchanged inventory writes nothing (timestamps stay, nothing reloads). Each file is replaced atomically (temp file
 * in the same directory with the final mode, then rename), so a reader never sees half a file and a secret is never
 * readable by others, not even for a moment.
 */
public final class RenderWriter {

    /** What happened to one file. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record Written(String path, Outcome outcome) {
    }

    public List<Written> write(Path root, List<RenderedFile> files) throws IOException {
        // refuse before writing anything: a half-applied render is worse than none
        for (RenderedFile f : files) {
            Path target = root.resolve(f.path());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(target + " exists and is not a regular file; not replacing it");
            }
        }
        List<Written> result = new ArrayList<>();
        for (RenderedFile f : files) {
            result.add(new Written(f.path(), writeOne(root, f)));
        }
        return result;
    }

    private static Outcome writeOne(Path root, RenderedFile f) throws IOException {
        Path target = root.resolve(f.path());
        Set<PosixFilePermission> mode = permissions(f.mode());
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (exists) {
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(target + " exists and is not a regular file; not replacing it");
            }
            if (Arrays.equals(Files.readAllBytes(target), f.content())
                    && Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS).equals(mode)) {
                return Outcome.UNCHANGED;
            }
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".hactl",
                PosixFilePermissions.asFileAttribute(permissions(0600)));
        try {
            Files.write(tmp, f.content());
            if (exists) {
                keepOwnership(target, tmp);
            }
            Files.setPosixFilePermissions(tmp, mode);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return exists ? Outcome.UPDATED : Outcome.CREATED;
    }

    /**
     * A replaced file keeps its owner and group: db.properties is group {@code cloud} so CloudStack (User=cloud)
     * can read it, and an atomic replace would otherwise hand it to root.
     */
    private static void keepOwnership(Path target, Path tmp) throws IOException {
        PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView fresh = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        PosixFileAttributes was = old.readAttributes();
        PosixFileAttributes now = fresh.readAttributes();
        if (!was.owner().equals(now.owner())) {
            fresh.setOwner(was.owner());
        }
        if (!was.group().equals(now.group())) {
            fresh.setGroup(was.group());
        }
    }

    /** Octal mode bits (0640) as NIO permissions. */
    public static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder s = new StringBuilder();
        String rwx = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            s.append((mode & (1 << bit)) != 0 ? rwx.charAt(8 - bit) : '-');
        }
        return PosixFilePermissions.fromString(s.toString());
    }
}
