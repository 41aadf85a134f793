package org.linuxrouter.cloudstack.api.command;

import javax.inject.Inject;

import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.BaseCmd;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.api.response.PhysicalNetworkResponse;
import org.apache.cloudstack.api.response.ZoneResponse;
import org.linuxrouter.cloudstack.api.response.LinuxRouterResponse;
import org.linuxrouter.cloudstack.api.response.RouterResponses;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.RouterDraft;
import org.linuxrouter.cloudstack.registry.RouterFields;
import org.linuxrouter.cloudstack.registry.RouterRegistry;

import com.cloud.user.Account;

/**
 * Registers a linuxrouterd for a zone or one physical network, alone or as the second router of a pair
 * ({@code pairwith}). The secret is write-only.
 */
@APICommand(name = AddLinuxRouterCmd.NAME, description = "Registers a Linux router (linuxrouterd) that serves the"
        + " guest networks of a zone or of one physical network", responseObject = LinuxRouterResponse.class,
        since = "4.22.0", authorized = {RoleType.Admin}, entityType = {LinuxRouterVO.class},
        requestHasSensitiveInfo = true, responseHasSensitiveInfo = false)
public class AddLinuxRouterCmd extends BaseCmd {
    public static final String NAME = "addLinuxRouter";

    @Parameter(name = ApiConstants.NAME, type = CommandType.STRING, required = true,
            description = "a unique name for the router")
    private String name;

    @Parameter(name = ApiConstants.ZONE_ID, type = CommandType.UUID, entityType = ZoneResponse.class,
            description = "the zone whose guest networks the router serves; required unless physicalnetworkid is given")
    private Long zoneId;

    @Parameter(name = ApiConstants.PHYSICAL_NETWORK_ID, type = CommandType.UUID, entityType = PhysicalNetworkResponse.class,
            description = "the physical network whose guest networks the router serves (instead of the whole zone)")
    private Long physicalNetworkId;

    @Parameter(name = ApiConstants.URL, type = CommandType.STRING, required = true,
            description = "linuxrouterd's API as https://host[:port], e.g. https://192.0.2.1:8443")
    private String url;

    @Parameter(name = RouterFields.SECRET, type = CommandType.STRING, required = true, length = 512,
            description = "the router's shared secret (unpadded base64url, at least 32 bytes: /etc/linuxrouter/secret)")
    private String secret;

    @Parameter(name = RouterFields.FINGERPRINT, type = CommandType.STRING, required = true,
            description = "SHA-256 fingerprint of the router's TLS certificate (AB:CD:... as openssl prints it)")
    private String fingerprint;

    @Parameter(name = RouterFields.TRUNK_INTERFACE, type = CommandType.STRING,
            description = "the trunk interface guest VLANs are created on, e.g. eth1; default: the router's own")
    private String trunkInterface;

    @Parameter(name = RouterFields.UPLINK_INTERFACE, type = CommandType.STRING,
            description = "the uplink interface, e.g. eth0 (informational; linuxrouterd's configuration decides)")
    private String uplinkInterface;

    @Parameter(name = RouterFields.VXLAN_UNDERLAY, type = CommandType.STRING,
            description = "the interface VXLAN (vxlan://) networks' packets leave the router by, e.g. eth2;"
                    + " default: the router's vxlan_underlay")
    private String vxlanUnderlay;

    @Parameter(name = RouterFields.VXLAN_MODE, type = CommandType.STRING,
            description = "how the router floods on VXLAN networks: multicast (as CloudStack's modifyvxlan.sh) or"
                    + " unicast (a static VTEP list, the router's vxlan_vteps); default: the router's vxlan_mode")
    private String vxlanMode;

    @Parameter(name = RouterFields.PAIR_WITH, type = CommandType.UUID, entityType = LinuxRouterResponse.class,
            description = "the registered router this one is paired with: both carry every network of its zone or"
                    + " physical network (VRRP pair). zoneid and physicalnetworkid may be left out; given, they must"
                    + " name the partner's. At most two routers per pair; the same vxlanmode")
    private Long pairWith;

    @Inject
    private RouterRegistry registry;
    @Inject
    private RouterResponses responses;

    @Override
    public void execute() {
        LinuxRouterResponse response = perform();
        response.setResponseName(getCommandName());
        setResponseObject(response);
    }

    /** Validates and stores the router; stores nothing when any parameter is wrong. */
    LinuxRouterResponse perform() {
        RouterDraft draft = RouterDraft.newBuilder().name(name).zoneId(zoneId).physicalNetworkId(physicalNetworkId)
                .url(url).secret(secret).fingerprint(fingerprint).trunkInterface(trunkInterface)
                .uplinkInterface(uplinkInterface).vxlanUnderlay(vxlanUnderlay).vxlanMode(vxlanMode).pairWith(pairWith).build();
        return responses.of(registry.add(draft));
    }

    @Override
    public long getEntityOwnerId() {
        return Account.ACCOUNT_ID_SYSTEM;
    }
}
