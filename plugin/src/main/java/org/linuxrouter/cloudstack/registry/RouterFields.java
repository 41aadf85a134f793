package org.linuxrouter.cloudstack.registry;

/**
 * The names of a router's fields as the API spells them (lower case, CloudStack style). Error messages name the
 * field with these, so an admin sees the parameter they got wrong; the commands use the same names.
 */
public final class RouterFields {
    public static final String ID = "id";
    public static final String NAME = "name";
    public static final String ZONE_ID = "zoneid";
    public static final String PHYSICAL_NETWORK_ID = "physicalnetworkid";
    public static final String URL = "url";
    public static final String SECRET = "secret";
    public static final String FINGERPRINT = "fingerprint";
    public static final String TRUNK_INTERFACE = "trunkinterface";
    public static final String UPLINK_INTERFACE = "uplinkinterface";
    public static final String VXLAN_UNDERLAY = "vxlanunderlay";
    public static final String VXLAN_MODE = "vxlanmode";
    /** The router a new one is paired with (addLinuxRouter): both carry every network of the scope. */
    public static final String PAIR_WITH = "pairwith";

    private RouterFields() {
    }
}
