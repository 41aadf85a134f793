package org.linuxrouter.hactl.files;

/** A hand-made configuration file hactl cannot read; the message names the file and line. */
public final class ConfigFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigFileException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
