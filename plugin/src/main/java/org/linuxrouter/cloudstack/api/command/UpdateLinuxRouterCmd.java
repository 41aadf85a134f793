package org.linuxrouter.cloudstack.api.command;

import javax.inject.Inject;

import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.BaseCmd;
import org.apache.cloudstack.api.Parameter;
import org.linuxrouter.cloudstack.api.response.LinuxRouterResponse;
import org.linuxrouter.cloudstack.api.response.RouterResponses;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.RouterDraft;
import org.linuxrouter.cloudstack.registry.RouterFields;
import org.linuxrouter.cloudstack.registry.RouterRegistry;

import com.cloud.exception.InvalidParameterValueException;
import com.cloud.user.Account;

/** Changes a router's name, URL, secret, fingerprint or interfaces (after a reinstall or a key rotation). */
@APICommand(name = UpdateLinuxRouterCmd.NAME, description = "Updates a registered Linux router; omitted parameters"
        + " stay as they are", responseObject = LinuxRouterResponse.class, since = "4.22.0",
        authorized = {RoleType.Admin}, entityType = {LinuxRouterVO.class}, requestHasSensitiveInfo = true,
        responseHasSensitiveInfo = false)
public class UpdateLinuxRouterCmd extends BaseCmd {
    public static final String NAME = "updateLinuxRouter";

    @Parameter(name = ApiConstants.ID, type = CommandType.UUID, entityType = LinuxRouterResponse.class, required = true,
            description = "the UUID of the linux router")
    private Long id;

    @Parameter(name = ApiConstants.NAME, type = CommandType.STRING, description = "a new unique name")
    private String name;

    @Parameter(name = ApiConstants.URL, type = CommandType.STRING, description = "the new https://host[:port]")
    private String url;

    @Parameter(name = RouterFields.SECRET, type = CommandType.STRING, length = 512,
            description = "the new shared secret (unpadded base64url, at least 32 bytes)")
    private String secret;

    @Parameter(name = RouterFields.FINGERPRINT, type = CommandType.STRING,
            description = "the new SHA-256 fingerprint of the router's TLS certificate")
    private String fingerprint;

    @Parameter(name = RouterFields.TRUNK_INTERFACE, type = CommandType.STRING, description = "the new trunk interface")
    private String trunkInterface;

    @Parameter(name = RouterFields.UPLINK_INTERFACE, type = CommandType.STRING, description = "the new uplink interface")
    private String uplinkInterface;

    @Parameter(name = RouterFields.VXLAN_UNDERLAY, type = CommandType.STRING,
            description = "the new VXLAN underlay interface")
    private String vxlanUnderlay;

    @Parameter(name = RouterFields.VXLAN_MODE, type = CommandType.STRING,
            description = "the new VXLAN mode: multicast or unicast")
    private String vxlanMode;

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

    LinuxRouterResponse perform() {
        if (id == null) {
            throw new InvalidParameterValueException(ApiConstants.ID + ": expected the UUID of a linux router, got none");
        }
        RouterDraft changes = RouterDraft.newBuilder().name(name).url(url).secret(secret).fingerprint(fingerprint)
                .trunkInterface(trunkInterface).uplinkInterface(uplinkInterface).vxlanUnderlay(vxlanUnderlay)
                .vxlanMode(vxlanMode).build();
        return responses.of(registry.update(id, changes));
    }

    @Override
    public long getEntityOwnerId() {
        return Account.ACCOUNT_ID_SYSTEM;
    }
}
