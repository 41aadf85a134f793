package org.linuxrouter.ha.status.report;

import java.util.regex.Pattern;

/** The names the agent files its raw outputs under; the wire format's vocabulary. */
public final class Sources {
    public static final String PROC_DRBD = "proc_drbd";
    public static final String DRBD_EVENTS2 = "drbd_events2";
    public static final String DRBD_STATUS_JSON = "drbd_status_json";
    public static final String CRM_MON = "crm_mon";
    public static final String CL_STATUS_HBSTATUS = "cl_status_hbstatus";
    public static final String CL_STATUS_LISTNODES = "cl_status_listnodes";
    /** Followed by the node name: "cl_status_nodestatus:storage2". */
    public static final String CL_STATUS_NODESTATUS = "cl_status_nodestatus:";
    public static final String IP_ADDR = "ip_addr";
    public static final String FINDMNT = "findmnt";
    public static final String NFSD_THREADS = "nfsd_threads";
    public static final String EXPORTFS = "exportfs";
    public static final String TIMEDATECTL = "timedatectl";
    public static final String CHRONY_TRACKING = "chrony_tracking";
    /** {@code systemctl is-active <database unit>} on a management-server node. */
    public static final String DATABASE_ACTIVE = "database_active";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}(:[A-Za-z0-9][A-Za-z0-9._-]{0,252})?");

    private Sources() {
    }

    /** Source names are a small fixed vocabulary (plus a node name): anything else in a report is refused. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
