package org.linuxrouter.hactl.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Heartbeat's timers in seconds; the defaults are the recipe's (keepalive 2, warntime 5, deadtime 10, initdead 20). */
@JsonPropertyOrder({"keepalive", "warntime", "deadtime", "initdead"})
public record HeartbeatTimings(Integer keepalive, Integer warntime, Integer deadtime, Integer initdead) {

    public static final HeartbeatTimings RECIPE = new HeartbeatTimings(2, 5, 10, 20);

    public HeartbeatTimings {
        keepalive = keepalive == null ? 2 : keepalive;
        warntime = warntime == null ? 5 : warntime;
        deadtime = deadtime == null ? 10 : deadtime;
        initdead = initdead == null ? 20 : initdead;
    }

}
