package org.linuxrouter.drbdnfs.api.command;

import java.util.List;
import javax.inject.Inject;
import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.BaseCmd;
import org.apache.cloudstack.api.response.ListResponse;
import org.linuxrouter.drbdnfs.api.response.DrbdNfsPairResponse;
import org.linuxrouter.drbdnfs.api.response.PairResponses;
import org.linuxrouter.drbdnfs.health.PairHealth;
import org.linuxrouter.drbdnfs.pair.PairSnapshot;

import com.cloud.exception.InvalidParameterValueException;
import com.cloud.user.Account;

/**
 * The management-server pair (MariaDB on DRBD behind a floating IP), checked live: DRBD, which node runs the
 * database, the floating IP, and each management server answering on 8080 and 8250. Admin only.
 */
@APICommand(name = ListDrbdNfsManagementPairCmd.NAME, description = "Shows the live health of the management-server"
        + " pair whose database is on DRBD (settings drbdnfs.management.*)", responseObject = DrbdNfsPairResponse.class,
        since = "4.22.0", authorized = {RoleType.Admin}, requestHasSensitiveInfo = false, responseHasSensitiveInfo = false)
public class ListDrbdNfsManagementPairCmd extends BaseCmd {
    public static final String NAME = "listDrbdNfsManagementPair";

    @Inject
    private PairHealth health;

    public ListDrbdNfsManagementPairCmd() {
    }

    ListDrbdNfsManagementPairCmd(PairHealth health) {
        this.health = health;
    }

    @Override
    public void execute() {
        DrbdNfsPairResponse r = response();
        ListResponse<DrbdNfsPairResponse> list = new ListResponse<>();
        list.setResponses(List.of(r), 1);
        list.setResponseName(getCommandName());
        setResponseObject(list);
    }

    DrbdNfsPairResponse response() {
        PairSnapshot s;
        try {
            s = health.checkManagementPair().orElseThrow(() -> new InvalidParameterValueException(
                    "the management-server pair is not configured: set drbdnfs.management.agents, "
                    + "drbdnfs.management.fingerprints, drbdnfs.management.secret and drbdnfs.management.vip"));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterValueException("management-server pair settings: " + e.getMessage());
        }
        return PairResponses.of(s, health.managementVip());
    }

    @Override
    public long getEntityOwnerId() {
        return Account.ACCOUNT_ID_SYSTEM;
    }
}
