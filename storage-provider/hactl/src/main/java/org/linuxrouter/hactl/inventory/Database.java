package org.linuxrouter.hactl.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * The management pair's database: MariaDB on the DRBD file system, reached through the floating IP.
 * {@code properties} are the other db.properties keys (user, encrypted password, pool settings), kept verbatim; the
 * keys hactl computes (hosts, ports, names, db.ha.enabled, cluster.node.IP) may not appear there.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"service", "port", "cloudDatabase", "usageDatabase", "clusterServletPort", "properties"})
public record Database(String service, Integer port, String cloudDatabase, String usageDatabase,
                       Integer clusterServletPort, Map<String, String> properties) {

    public Database {
        service = service == null ? "mariadb" : service;
        port = port == null ? 3306 : port;
        cloudDatabase = cloudDatabase == null ? "cloud" : cloudDatabase;
        usageDatabase = usageDatabase == null ? "cloud_usage" : usageDatabase;
        clusterServletPort = clusterServletPort == null ? 9090 : clusterServletPort;
        // sorted: the rendered file must not depend on the order a YAML map or a properties file was read in
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
    }
}
