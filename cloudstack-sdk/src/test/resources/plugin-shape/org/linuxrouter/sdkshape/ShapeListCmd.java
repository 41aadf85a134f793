package org.linuxrouter.sdkshape;

import java.util.List;

import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.BaseListCmd;
import org.apache.cloudstack.api.response.ListResponse;

/** Test source shaped like listLinuxRouters. */
@APICommand(name = "listShapes", description = "lists shapes", responseObject = ShapeResponse.class)
public class ShapeListCmd extends BaseListCmd {
    @Override
    public void execute() {
        ListResponse<ShapeResponse> list = new ListResponse<>();
        list.setResponses(List.of(new ShapeResponse()), 1);
        list.setResponseName(getCommandName());
        setResponseObject(list);
        getStartIndex();
        getPageSizeVal();
    }
}
