package org.linuxrouter.drbdnfs.pair;

/**
 * The {@code storage_pool_details} keys of a DrbdNfs pool. Given at registration ({@code details[0].key=...} of
 * createStoragePool) or written by the health poller. All start with {@code drbdnfs_} (no dot: the key goes
 * into a {@code details[0].key=value} API parameter); values stay small.
 */
public final class PairDetails {
    /** Registration: the two agents, {@code https://10.0.0.11:8444,https://10.0.0.12:8444}. */
    public static final String AGENTS = "drbdnfs_agents";
    /** Registration: their certificate fingerprints (SHA-256, colon hex), in the same order. */
    public static final String FINGERPRINTS = "drbdnfs_fingerprints";
    /** Registration: the agents' shared secret; stored encrypted and never displayed. */
    public static final String SECRET = "drbdnfs_secret";
    /** Registration, optional: where the DRBD filesystem is mounted on the serving node, e.g. /srv/nfs. */
    public static final String MOUNT_POINT = "drbdnfs_mountpoint";
    /** Registration, optional: the export's expected fsid. */
    public static final String FSID = "drbdnfs_fsid";

    /** Written by the poller: HEALTHY, DEGRADED, FAILED or UNKNOWN. */
    public static final String HEALTH = "drbdnfs_health";
    /** Written by the poller: the reasons, "; "-separated, shortened to fit the details column. */
    public static final String REASONS = "drbdnfs_health_reasons";
    /** Written by the poller: when the pair was last checked (ISO-8601 UTC). */
    public static final String CHECKED = "drbdnfs_health_checked";
    /** Written by the poller: one line per node, e.g. "storage1 Primary UpToDate/UpToDate Connected, holds VIP". */
    public static final String NODE_PREFIX = "drbdnfs_node";

    /** storage_pool_details.value is varchar(255) in CloudStack's schema. */
    public static final int MAX_VALUE = 255;

    private PairDetails() {
    }

    public static String shorten(String value) {
        return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 3) + "...";
    }
}
