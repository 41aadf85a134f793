package org.linuxrouter.hactl.render;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One file hactl writes on a node: its path relative to the node's root ({@code etc/drbd.d/r0.res}), its exact
 * bytes and its permission bits (authkeys must be 0600 or Heartbeat refuses to start).
 */
public record RenderedFile(String path, byte[] content, int mode) {

    public static final int PUBLIC = 0644;
    public static final int SECRET = 0600;

    public RenderedFile {
        if (path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("relative path expected: " + path);
        }
        content = content.clone();
    }

    public static RenderedFile text(String path, String text) {
        return new RenderedFile(path, text.getBytes(StandardCharsets.UTF_8), PUBLIC);
    }

    public static RenderedFile secret(String path, String text) {
        return new RenderedFile(path, text.getBytes(StandardCharsets.UTF_8), SECRET);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenderedFile f && f.path.equals(path) && f.mode == mode && Arrays.equals(f.content, content);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return path + " (" + Integer.toOctalString(mode) + ", " + content.length + " bytes)";
    }
}
