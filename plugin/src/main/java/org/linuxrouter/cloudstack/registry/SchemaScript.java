package org.linuxrouter.cloudstack.registry;

import java.sql.SQLException;
import java.util.List;

/**
 * The plugin's own DDL. CloudStack's upgrade path cannot carry an out-of-tree plugin's tables, so the plugin creates
 * them itself at every start. Each statement is idempotent and safe when several management servers start at once:
 * {@code CREATE TABLE IF NOT EXISTS} is atomic in MySQL (one server creates, the others see it), and the version row
 * is inserted with {@code INSERT IGNORE}. A later schema change adds columns with {@link #upgrades()}: an
 * {@code ALTER TABLE ... ADD COLUMN} that fails because the column exists (a table created by this version, or a
 * second management server that got there first) is already done, so {@link #apply} ignores exactly that error.
 */
public final class SchemaScript {
    /** The schema this plugin version creates. */
    public static final int VERSION = 3;
    /** SQLSTATE of "duplicate column name" (MySQL error 1060; H2 likewise). */
    static final String DUPLICATE_COLUMN = "42S21";

    private SchemaScript() {
    }

    /** The statements, in order; each runs on its own (MySQL commits DDL implicitly). */
    public static List<String> statements() {
        return List.of(
                "CREATE TABLE IF NOT EXISTS `linuxrouter_schema` ("
                        + " `version` int unsigned NOT NULL COMMENT 'schema version of the linuxrouter plugin',"
                        + " `applied` datetime NOT NULL,"
                        + " PRIMARY KEY (`version`)"
                        + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
                "CREATE TABLE IF NOT EXISTS `" + LinuxRouterVO.TABLE + "` ("
                        + " `id` bigint unsigned NOT NULL AUTO_INCREMENT,"
                        + " `uuid` varchar(40) NOT NULL,"
                        + " `name` varchar(255) NOT NULL,"
                        + " `data_center_id` bigint unsigned NOT NULL COMMENT 'the zone',"
                        + " `physical_network_id` bigint unsigned NULL COMMENT 'null: the router serves the whole zone',"
                        + " `scope` varchar(64) NOT NULL COMMENT 'zone:<id> or physicalnetwork:<id>; #2 appended for the"
                        + " second member of a pair, so the unique key allows at most two routers per scope',"
                        + " `url` varchar(255) NOT NULL,"
                        + " `secret` varchar(1024) NOT NULL COMMENT 'encrypted by CloudStack (@Encrypt)',"
                        + " `fingerprint` varchar(95) NOT NULL COMMENT 'sha-256 of the pinned certificate',"
                        + " `trunk_interface` varchar(15) NULL,"
                        + " `uplink_interface` varchar(15) NULL,"
                        + " `vxlan_underlay` varchar(15) NULL COMMENT 'since 2; null: vxlan_underlay of the router',"
                        + " `vxlan_mode` varchar(16) NULL COMMENT 'since 2: multicast or unicast; null: the router decides',"
                        + " " + PAIR_MEMBER + ","
                        + " " + LAGGING_SINCE + ","
                        + " " + LAST_CONTACT + ","
                        + " " + DRIFT + ","
                        + " `created` datetime NOT NULL,"
                        + " PRIMARY KEY (`id`),"
                        + " UNIQUE KEY `uc_linuxrouter_routers__uuid` (`uuid`),"
                        + " UNIQUE KEY `uc_linuxrouter_routers__name` (`name`),"
                        + " UNIQUE KEY `uc_linuxrouter_routers__scope` (`scope`),"
                        + " CONSTRAINT `fk_linuxrouter_routers__data_center_id` FOREIGN KEY (`data_center_id`)"
                        + " REFERENCES `data_center` (`id`) ON DELETE CASCADE,"
                        + " CONSTRAINT `fk_linuxrouter_routers__physical_network_id` FOREIGN KEY (`physical_network_id`)"
                        + " REFERENCES `physical_network` (`id`) ON DELETE CASCADE"
                        + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
                "INSERT IGNORE INTO `linuxrouter_schema` (`version`, `applied`) VALUES (" + VERSION + ", NOW())");
    }

    private static final String PAIR_MEMBER = "`pair_member` tinyint unsigned NOT NULL DEFAULT 1"
            + " COMMENT 'since 3: 1 or 2, this router''s place in the router pair of its scope'";
    private static final String LAGGING_SINCE = "`lagging_since` datetime NULL"
            + " COMMENT 'since 3: when the router first missed a change its pair member applied; null: in step'";
    private static final String LAST_CONTACT = "`last_contact` datetime NULL"
            + " COMMENT 'since 3: when the router last answered a reconciliation, resync or listing'";
    private static final String DRIFT = "`drift` int unsigned NULL"
            + " COMMENT 'since 3: networks still differing from CloudStack after the last reconciliation'";

    /**
     * The columns later versions added, for a table an earlier version created: version 2 the router's VXLAN
     * underlay and mode; version 3 the router pair (member, lagging, last contact, drift).
     */
    public static List<String> upgrades() {
        return List.of(
                "ALTER TABLE `" + LinuxRouterVO.TABLE + "` ADD COLUMN `vxlan_underlay` varchar(15) NULL"
                        + " COMMENT 'since 2; null: vxlan_underlay of the router'",
                "ALTER TABLE `" + LinuxRouterVO.TABLE + "` ADD COLUMN `vxlan_mode` varchar(16) NULL"
                        + " COMMENT 'since 2: multicast or unicast; null: the router decides'",
                addColumn(PAIR_MEMBER), addColumn(LAGGING_SINCE), addColumn(LAST_CONTACT), addColumn(DRIFT));
    }

    private static String addColumn(String definition) {
        return "ALTER TABLE `" + LinuxRouterVO.TABLE + "` ADD COLUMN " + definition;
    }

    /** Runs one statement (SchemaBootstrap: through CloudStack's transaction; tests: a plain connection). */
    @FunctionalInterface
    public interface Runner {
        void run(String sql) throws SQLException;
    }

    /** Creates or upgrades the schema: the create statements, then each upgrade not yet applied. */
    public static void apply(Runner runner) throws SQLException {
        List<String> create = statements();
        for (String sql : create.subList(0, create.size() - 1)) {
            runner.run(sql);
        }
        for (String sql : upgrades()) {
            try {
                runner.run(sql);
            } catch (SQLException e) {
                if (!DUPLICATE_COLUMN.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
        runner.run(create.get(create.size() - 1)); // the version row last: it says the schema is complete
    }
}
