package org.linuxrouter.cloudstack.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.persistence.Column;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin's DDL run as SchemaBootstrap runs it (each statement on its own), on H2 in MySQL mode: it parses,
 * it is idempotent, concurrent start-ups both succeed, the VO maps onto it, and the keys hold.
 */
class SchemaScriptTest {
    private static final String URL = "jdbc:h2:mem:cloud%d;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    private static int databases;
    private String url;
    private Connection db;

    @BeforeEach
    void cloudDatabase() throws SQLException {
        url = String.format(URL, ++databases);
        db = DriverManager.getConnection(url);
        try (Statement s = db.createStatement()) {
            // the CloudStack tables the router table references, reduced to their keys
            s.execute("CREATE TABLE `data_center` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`))");
            s.execute("CREATE TABLE `physical_network` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`))");
            s.execute("INSERT INTO `data_center` (`id`) VALUES (1)");
            s.execute("INSERT INTO `physical_network` (`id`) VALUES (2)");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DROP ALL OBJECTS");
        }
        db.close();
    }

    @Test
    void runsTwiceWithOneVersionRow() throws SQLException {
        run(db);
        run(db);
        assertEquals(List.of(String.valueOf(SchemaScript.VERSION)), column("SELECT `version` FROM `linuxrouter_schema`"));
    }

    @Test
    void aVersionOneTableIsUpgradedInPlaceKeepingItsRows() throws SQLException {
        try (Statement s = db.createStatement()) {
            // version 1's table: the current one without the columns versions 2 and 3 added
            String v1 = withoutVersion3(SchemaScript.statements().get(1))
                    .replaceAll(" `vxlan_[a-z]+` varchar\\(\\d+\\) NULL COMMENT '[^']*',", "");
            s.execute(SchemaScript.statements().get(0));
            s.execute(v1);
            s.execute("INSERT INTO `linuxrouter_schema` (`version`, `applied`) VALUES (1, NOW())");
        }
        assertEquals(List.of(), column("SELECT column_name FROM information_schema.columns WHERE table_name = '"
                + LinuxRouterVO.TABLE + "' AND column_name LIKE 'vxlan%'"));
        insert(1, "r1", 1, null, "zone:1");
        run(db);
        run(db);
        assertEquals(List.of("vxlan_mode", "vxlan_underlay"), column("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = '" + LinuxRouterVO.TABLE + "' AND column_name LIKE 'vxlan%' ORDER BY column_name"));
        assertEquals(List.of("r1"), column("SELECT `name` FROM `" + LinuxRouterVO.TABLE + "`"));
        assertEquals(List.of("1", "3"), column("SELECT `version` FROM `linuxrouter_schema` ORDER BY `version`"));
    }

    @Test
    void aVersionTwoTableGetsThePairColumnsItsRouterBeingMemberOneInStep() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(SchemaScript.statements().get(0));
            s.execute(withoutVersion3(SchemaScript.statements().get(1)));
            s.execute("INSERT INTO `linuxrouter_schema` (`version`, `applied`) VALUES (2, NOW())");
        }
        insert(1, "r1", 1, null, "zone:1");
        run(db);
        run(db);
        assertEquals(List.of("1", "", ""), rowOne(), "member 1, not lagging, no drift recorded yet");
        assertEquals(List.of("2", "3"), column("SELECT `version` FROM `linuxrouter_schema` ORDER BY `version`"));
    }

    private List<String> rowOne() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT `pair_member`, `lagging_since`,"
                + " `drift` FROM `" + LinuxRouterVO.TABLE + "`")) {
            rs.next();
            for (int i = 1; i <= 3; i++) {
                values.add(rs.getString(i) == null ? "" : rs.getString(i));
            }
        }
        return values;
    }

    /** The create statement as version 2 had it: without the pair columns. */
    private static String withoutVersion3(String create) {
        String v2 = create.replaceAll(" `(pair_member|lagging_since|last_contact|drift)` [^,]*? COMMENT '([^']|'')*',", "");
        if (v2.contains("pair_member") || v2.contains("lagging_since") || v2.contains("drift")) {
            throw new IllegalStateException("could not strip version 3's columns from " + create);
        }
        return v2;
    }

    @Test
    void twoManagementServersStartingAtOnceBothSucceed() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService servers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<Void> server = () -> {
                    try (Connection own = DriverManager.getConnection(url)) {
                        start.await();
                        run(own);
                    }
                    return null;
                };
                runs.add(servers.submit(server));
            }
            start.countDown();
            for (Future<Void> r : runs) {
                r.get();
            }
        } finally {
            servers.shutdownNow();
        }
        assertEquals(List.of("1"), column("SELECT COUNT(*) FROM `linuxrouter_schema`"));
    }

    @Test
    void everyVoColumnExistsInTheTable() throws SQLException {
        run(db);
        Set<String> mapped = new TreeSet<>();
        for (Field f : LinuxRouterVO.class.getDeclaredFields()) {
            Column c = f.getAnnotation(Column.class);
            if (c != null) {
                mapped.add(c.name());
            }
        }
        Set<String> table = new TreeSet<>(column("SELECT column_name FROM information_schema.columns WHERE table_name = '"
                + LinuxRouterVO.TABLE + "'"));
        assertEquals(table, mapped);
    }

    @Test
    void namesScopesAndZonesAreEnforcedByTheKeys() throws SQLException {
        run(db);
        insert(1, "r1", 1, null, "zone:1");
        assertThrows(SQLIntegrityConstraintViolationException.class, () -> insert(2, "r1", 1, 2L, "physicalnetwork:2"));
        assertThrows(SQLIntegrityConstraintViolationException.class, () -> insert(3, "r2", 1, null, "zone:1"));
        assertThrows(SQLIntegrityConstraintViolationException.class, () -> insert(4, "r3", 7, null, "zone:7"));
        insert(5, "r2", 1, 2L, "physicalnetwork:2");
        insert(6, "r2b", 1, 2L, "physicalnetwork:2#2");
        assertThrows(SQLIntegrityConstraintViolationException.class, () -> insert(7, "r2c", 1, 2L, "physicalnetwork:2#2"),
                "a pair has two members");
        try (Statement s = db.createStatement()) {
            s.execute("DELETE FROM `physical_network` WHERE `id` = 2");
        }
        assertEquals(List.of("r1"), column("SELECT `name` FROM `" + LinuxRouterVO.TABLE + "`"),
                "a removed physical network takes its router rows with it");
    }

    private void insert(int id, String name, long zone, Long physnet, String scope) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("INSERT INTO `" + LinuxRouterVO.TABLE + "` (`id`, `uuid`, `name`, `data_center_id`,"
                    + " `physical_network_id`, `scope`, `url`, `secret`, `fingerprint`, `created`) VALUES (" + id
                    + ", 'u" + id + "', '" + name + "', " + zone + ", " + physnet + ", '" + scope
                    + "', 'https://192.0.2.1', 'encrypted', 'AB', NOW())");
        }
    }

    private static void run(Connection connection) throws SQLException {
        SchemaScript.apply(sql -> {
            try (Statement s = connection.createStatement()) {
                s.executeUpdate(sql);
            }
        });
    }

    private List<String> column(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
