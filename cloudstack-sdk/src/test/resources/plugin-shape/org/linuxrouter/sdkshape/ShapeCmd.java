package org.linuxrouter.sdkshape;

import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.ApiErrorCode;
import org.apache.cloudstack.api.BaseCmd;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.api.ServerApiException;
import org.apache.cloudstack.api.response.SuccessResponse;
import org.apache.cloudstack.api.response.ZoneResponse;

import com.cloud.user.Account;

/** Test source shaped like addLinuxRouter: constants in annotations must be compile-time constants. */
@APICommand(name = "addShape", description = "adds a shape", responseObject = SuccessResponse.class,
        authorized = {RoleType.Admin}, requestHasSensitiveInfo = true)
public class ShapeCmd extends BaseCmd {
    @Parameter(name = ApiConstants.ZONE_ID, type = CommandType.UUID, entityType = ZoneResponse.class, required = true,
            description = "the zone")
    private Long zoneId;

    @Parameter(name = ApiConstants.PASSWORD, type = CommandType.STRING, description = "the password")
    private String password;

    @Override
    public void execute() {
        if (zoneId == null) {
            throw new ServerApiException(ApiErrorCode.PARAM_ERROR, "expected a zone id");
        }
        SuccessResponse response = new SuccessResponse(getCommandName());
        response.setSuccess(true);
        setResponseObject(response);
    }

    @Override
    public long getEntityOwnerId() {
        return Account.ACCOUNT_ID_SYSTEM;
    }
}
