package org.linuxrouter.cloudstack.api.command;

import javax.inject.Inject;

import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.BaseCmd;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.api.response.SuccessResponse;
import org.linuxrouter.cloudstack.api.response.LinuxRouterResponse;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.RouterRegistry;

import com.cloud.exception.InvalidParameterValueException;
import com.cloud.user.Account;

/** Unregisters a router; refused while any network is placed on it. */
@APICommand(name = DeleteLinuxRouterCmd.NAME, description = "Deletes a registered Linux router that no network uses",
        responseObject = SuccessResponse.class, since = "4.22.0", authorized = {RoleType.Admin},
        entityType = {LinuxRouterVO.class}, requestHasSensitiveInfo = false, responseHasSensitiveInfo = false)
public class DeleteLinuxRouterCmd extends BaseCmd {
    public static final String NAME = "deleteLinuxRouter";

    @Parameter(name = ApiConstants.ID, type = CommandType.UUID, entityType = LinuxRouterResponse.class, required = true,
            description = "the UUID of the linux router")
    private Long id;

    @Inject
    private RouterRegistry registry;

    @Override
    public void execute() {
        LinuxRouterVO deleted = perform();
        SuccessResponse response = new SuccessResponse(getCommandName());
        response.setSuccess(true);
        response.setDisplayText("deleted linux router " + deleted.getName());
        setResponseObject(response);
    }

    LinuxRouterVO perform() {
        if (id == null) {
            throw new InvalidParameterValueException(ApiConstants.ID + ": expected the UUID of a linux router, got none");
        }
        return registry.delete(id);
    }

    @Override
    public long getEntityOwnerId() {
        return Account.ACCOUNT_ID_SYSTEM;
    }
}
