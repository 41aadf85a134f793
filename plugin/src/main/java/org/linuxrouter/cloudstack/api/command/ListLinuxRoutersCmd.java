package org.linuxrouter.cloudstack.api.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.BaseListCmd;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.api.response.ListResponse;
import org.apache.cloudstack.api.response.PhysicalNetworkResponse;
import org.apache.cloudstack.api.response.ZoneResponse;
import org.linuxrouter.cloudstack.api.response.LinuxRouterResponse;
import org.linuxrouter.cloudstack.api.response.RouterResponses;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.RouterRegistry;

/**
 * Lists registered routers, filtered and paginated like CloudStack's own list commands, each with its pair, the VRRP
 * role it reports now, its last contact and drift. Never shows secrets.
 */
@APICommand(name = ListLinuxRoutersCmd.NAME, description = "Lists registered Linux routers",
        responseObject = LinuxRouterResponse.class, since = "4.22.0", authorized = {RoleType.Admin},
        entityType = {LinuxRouterVO.class}, requestHasSensitiveInfo = false, responseHasSensitiveInfo = false)
public class ListLinuxRoutersCmd extends BaseListCmd {
    public static final String NAME = "listLinuxRouters";

    @Parameter(name = ApiConstants.ID, type = CommandType.UUID, entityType = LinuxRouterResponse.class,
            description = "only the linux router with this UUID")
    private Long id;

    @Parameter(name = ApiConstants.ZONE_ID, type = CommandType.UUID, entityType = ZoneResponse.class,
            description = "only routers of this zone (zone-wide or for one of its physical networks)")
    private Long zoneId;

    @Parameter(name = ApiConstants.PHYSICAL_NETWORK_ID, type = CommandType.UUID, entityType = PhysicalNetworkResponse.class,
            description = "only the router dedicated to this physical network")
    private Long physicalNetworkId;

    @Parameter(name = ApiConstants.NAME, type = CommandType.STRING, description = "only the router with this name")
    private String name;

    @Inject
    private RouterRegistry registry;
    @Inject
    private RouterResponses responses;

    @Override
    public void execute() {
        Page page = perform(getKeyword(), getStartIndex(), getPageSizeVal());
        ListResponse<LinuxRouterResponse> response = new ListResponse<>();
        response.setResponses(page.items, page.total);
        response.setResponseName(getCommandName());
        setResponseObject(response);
    }

    /** The matching routers, ordered by id; {@code pageSize} null or below 1 means all of them. */
    Page perform(String keyword, Long startIndex, Long pageSize) {
        List<LinuxRouterVO> matching = registry.all().stream()
                .filter(r -> id == null || r.getId() == id)
                .filter(r -> zoneId == null || r.getZoneId() == zoneId)
                .filter(r -> physicalNetworkId == null || physicalNetworkId.equals(r.getPhysicalNetworkId()))
                .filter(r -> name == null || r.getName().equals(name))
                .filter(r -> keyword == null || r.getName().toLowerCase(Locale.ROOT).contains(keyword.toLowerCase(Locale.ROOT)))
                .collect(Collectors.toList());
        long skip = startIndex == null || startIndex < 0 ? 0 : startIndex;
        long limit = pageSize == null || pageSize < 1 ? Long.MAX_VALUE : pageSize;
        List<LinuxRouterResponse> items = matching.stream().skip(skip).limit(limit).map(responses::withStatus)
                .collect(Collectors.toCollection(ArrayList::new));
        return new Page(items, matching.size());
    }

    /** One page of responses and the number of all matching routers. */
    static final class Page {
        final List<LinuxRouterResponse> items;
        final int total;

        Page(List<LinuxRouterResponse> items, int total) {
            this.items = items;
            this.total = total;
        }
    }
}
