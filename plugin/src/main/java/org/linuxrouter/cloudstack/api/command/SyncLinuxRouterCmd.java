package org.linuxrouter.cloudstack.api.command;

import javax.inject.Inject;

import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.BaseAsyncCmd;
import org.apache.cloudstack.api.Parameter;
import org.linuxrouter.cloudstack.api.response.LinuxRouterResponse;
import org.linuxrouter.cloudstack.api.response.LinuxRouterSyncResponse;
import org.linuxrouter.cloudstack.api.response.RouterResponses;
import org.linuxrouter.cloudstack.reconcile.RouterSync;
import org.linuxrouter.cloudstack.reconcile.SyncMode;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.RouterFields;
import org.linuxrouter.cloudstack.registry.RouterRegistry;

import com.cloud.exception.InvalidParameterValueException;
import com.cloud.exception.ResourceUnavailableException;
import com.cloud.user.Account;

/**
 * Pushes everything CloudStack holds for a router to it (every placed network and its user-VM NICs) and removes
 * what CloudStack does not hold, e.g. after the router was reinstalled. Asynchronous: it talks to the router.
 */
@APICommand(name = SyncLinuxRouterCmd.NAME, description = "Pushes the complete desired state CloudStack holds for a"
        + " Linux router to it, and removes networks and NICs CloudStack does not hold",
        responseObject = LinuxRouterSyncResponse.class, since = "4.22.0", authorized = {RoleType.Admin},
        entityType = {LinuxRouterVO.class}, requestHasSensitiveInfo = false, responseHasSensitiveInfo = false)
public class SyncLinuxRouterCmd extends BaseAsyncCmd {
    public static final String NAME = "syncLinuxRouter";
    public static final String EVENT_TYPE = "LINUXROUTER.SYNC";

    @Parameter(name = ApiConstants.ID, type = CommandType.UUID, entityType = LinuxRouterResponse.class, required = true,
            description = "the UUID of the linux router")
    private Long id;

    @Inject
    private RouterRegistry registry;
    @Inject
    private RouterSync sync;
    @Inject
    private RouterResponses responses;

    @Override
    public void execute() throws ResourceUnavailableException {
        LinuxRouterSyncResponse response = perform();
        response.setResponseName(getCommandName());
        setResponseObject(response);
    }

    LinuxRouterSyncResponse perform() throws ResourceUnavailableException {
        if (id == null) {
            throw new InvalidParameterValueException(ApiConstants.ID + ": expected the UUID of a linux router, got none");
        }
        LinuxRouterVO router = registry.find(id).orElseThrow(() -> new InvalidParameterValueException(RouterFields.ID
                + ": expected the id of a registered linux router, got " + id));
        return responses.of(router, sync.sync(router, SyncMode.EVERYTHING));
    }

    @Override
    public String getEventType() {
        return EVENT_TYPE;
    }

    @Override
    public String getEventDescription() {
        return "pushing CloudStack's networks to linux router " + id;
    }

    @Override
    public long getEntityOwnerId() {
        return Account.ACCOUNT_ID_SYSTEM;
    }
}
