package org.linuxrouter.drbdnfs.api.command;

import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.BaseListCmd;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.api.response.ListResponse;
import org.apache.cloudstack.api.response.StoragePoolResponse;
import org.apache.cloudstack.storage.datastore.db.StoragePoolVO;
import org.linuxrouter.drbdnfs.api.response.DrbdNfsPairResponse;
import org.linuxrouter.drbdnfs.api.response.PairResponses;
import org.linuxrouter.drbdnfs.health.PairHealth;
import org.linuxrouter.drbdnfs.pair.PoolPairs;

import com.cloud.exception.InvalidParameterValueException;

/** Every DrbdNfs pool's pair, checked live: the health, its reasons, and each node's state. Admin only. */
@APICommand(name = ListDrbdNfsPairsCmd.NAME, description = "Lists the DRBD/NFS pairs behind DrbdNfs storage pools with"
        + " their live health and per-node state", responseObject = DrbdNfsPairResponse.class, since = "4.22.0",
        authorized = {RoleType.Admin}, requestHasSensitiveInfo = false, responseHasSensitiveInfo = false)
public class ListDrbdNfsPairsCmd extends BaseListCmd {
    public static final String NAME = "listDrbdNfsPairs";

    @Parameter(name = ApiConstants.ID, type = CommandType.UUID, entityType = StoragePoolResponse.class,
            description = "only the pair of this DrbdNfs storage pool")
    private Long id;

    @Inject
    private PoolPairs pairs;
    @Inject
    private PairHealth health;

    public ListDrbdNfsPairsCmd() {
    }

    ListDrbdNfsPairsCmd(PoolPairs pairs, PairHealth health, Long id) {
        this.pairs = pairs;
        this.health = health;
        this.id = id;
    }

    @Override
    public void execute() {
        ListResponse<DrbdNfsPairResponse> response = new ListResponse<>();
        List<DrbdNfsPairResponse> items = responses();
        response.setResponses(items, items.size());
        response.setResponseName(getCommandName());
        setResponseObject(response);
    }

    List<DrbdNfsPairResponse> responses() {
        List<StoragePoolVO> selected;
        if (id != null) {
            selected = List.of(pairs.byId(id).orElseThrow(() ->
                    new InvalidParameterValueException("id: no DrbdNfs storage pool with this id")));
        } else {
            selected = pairs.all();
        }
        List<DrbdNfsPairResponse> out = new ArrayList<>();
        for (StoragePoolVO pool : selected) {
            DrbdNfsPairResponse r = PairResponses.of(health.check(pool), pool.getHostAddress());
            r.setPoolId(pool.getUuid());
            r.setPoolName(pool.getName());
            out.add(r);
        }
        return out;
    }
}
