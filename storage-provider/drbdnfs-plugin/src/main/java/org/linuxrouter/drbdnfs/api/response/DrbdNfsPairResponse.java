package org.linuxrouter.drbdnfs.api.response;

import com.cloud.serializer.Param;
import com.google.gson.annotations.SerializedName;
import java.util.List;
import org.apache.cloudstack.api.BaseResponse;

/** A pair's health (storage pool or management servers), with every reason and both nodes. */
public class DrbdNfsPairResponse extends BaseResponse {
    @SerializedName("poolid")
    @Param(description = "the UUID of the storage pool; absent for the management-server pair", since = "4.22.0")
    private String poolId;

    @SerializedName("poolname")
    @Param(description = "the name of the storage pool", since = "4.22.0")
    private String poolName;

    @SerializedName("floatingip")
    @Param(description = "the pair's floating IP", since = "4.22.0")
    private String floatingIp;

    @SerializedName("state")
    @Param(description = "HEALTHY, DEGRADED (serving, redundancy reduced), FAILED (not serving or needs an operator)"
            + " or UNKNOWN (status could not be collected)", since = "4.22.0")
    private String state;

    @SerializedName("reasons")
    @Param(description = "why the pair is not HEALTHY, worst first", since = "4.22.0")
    private List<String> reasons;

    @SerializedName("checked")
    @Param(description = "when the pair was checked (ISO-8601 UTC)", since = "4.22.0")
    private String checked;

    @SerializedName("capacitybytes")
    @Param(description = "size of the exported filesystem, as the serving node reports it", since = "4.22.0")
    private Long capacityBytes;

    @SerializedName("usedbytes")
    @Param(description = "bytes used on the exported filesystem", since = "4.22.0")
    private Long usedBytes;

    @SerializedName("node")
    @Param(description = "the two nodes", responseObject = DrbdNfsNodeResponse.class, since = "4.22.0")
    private List<DrbdNfsNodeResponse> nodes;

    public DrbdNfsPairResponse() {
        super("drbdnfspair");
    }

    public void setPoolId(String poolId) {
        this.poolId = poolId;
    }

    public void setPoolName(String poolName) {
        this.poolName = poolName;
    }

    public void setFloatingIp(String floatingIp) {
        this.floatingIp = floatingIp;
    }

    public void setState(String state) {
        this.state = state;
    }

    public void setReasons(List<String> reasons) {
        this.reasons = reasons;
    }

    public void setChecked(String checked) {
        this.checked = checked;
    }

    public void setCapacityBytes(Long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    public void setUsedBytes(Long usedBytes) {
        this.usedBytes = usedBytes;
    }

    public void setNodes(List<DrbdNfsNodeResponse> nodes) {
        this.nodes = nodes;
    }

    public String getState() {
        return state;
    }

    public List<String> getReasons() {
        return reasons;
    }

    public List<DrbdNfsNodeResponse> getNodes() {
        return nodes;
    }

    public String getPoolName() {
        return poolName;
    }

    public Long getCapacityBytes() {
        return capacityBytes;
    }
}
