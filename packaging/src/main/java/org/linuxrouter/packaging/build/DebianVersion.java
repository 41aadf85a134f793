package org.linuxrouter.packaging.build;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Debian version jdeb gives a Maven version ({@code [[version]]} with snapshotExpand off), repeated here
 * because the changelogs must carry the same string: ChangelogVersionIT compares the two in every package.
 * {@code 0.1.0-SNAPSHOT} becomes {@code 0.1.0~snapshot}, {@code 1.0-rc1} becomes {@code 1.0~rc1} (both sort
 * before the release), any other {@code -} becomes {@code +}, and jdeb 1.15 lower-cases the result.
 */
public final class DebianVersion {
    private static final Pattern SNAPSHOT = Pattern.compile("(.*)[-+]SNAPSHOT");
    private static final Pattern PRE_RELEASE = Pattern.compile("(.*?)([.\\-_]?)(alpha|beta|rc)(.*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DEBIAN = Pattern.compile("[0-9][a-z0-9.+~]*");

    private DebianVersion() {
    }

    public static String of(String mavenVersion) {
        String version = mavenVersion;
        Matcher snapshot = SNAPSHOT.matcher(version);
        if (snapshot.matches()) {
            version = snapshot.group(1) + "~SNAPSHOT";
        }
        Matcher pre = PRE_RELEASE.matcher(version);
        if (pre.matches()) {
            version = pre.group(1) + "~" + pre.group(3) + pre.group(4);
        }
        version = version.replace('-', '+').toLowerCase(Locale.ROOT);
        if (!DEBIAN.matcher(version).matches()) {
            throw new IllegalArgumentException("Maven version " + mavenVersion + ": expected one that starts with "
                    + "a digit and holds only letters, digits and . + ~ -, got Debian version " + version);
        }
        return version;
    }
}
