package org.linuxrouter.drbdnfs.api.response;

import com.cloud.serializer.Param;
import com.google.gson.annotations.SerializedName;
import java.util.List;
import org.apache.cloudstack.api.BaseResponse;

/** One node of a pair as its agent reported it just now. */
public class DrbdNfsNodeResponse extends BaseResponse {
    @SerializedName("name")
    @Param(description = "the node's name, as its agent reports it", since = "4.22.0")
    private String name;

    @SerializedName("agent")
    @Param(description = "the URL of the node's ha-agent", since = "4.22.0")
    private String agent;

    @SerializedName("reachable")
    @Param(description = "whether the agent answered", since = "4.22.0")
    private Boolean reachable;

    @SerializedName("summary")
    @Param(description = "one line: DRBD state of every volume, nfsd threads or database, clock", since = "4.22.0")
    private String summary;

    @SerializedName("drbd")
    @Param(description = "each DRBD volume: roles, disk states, connection, resync progress; or why unknown",
            since = "4.22.0")
    private List<String> drbd;

    @SerializedName("holdsfloatingip")
    @Param(description = "whether this node holds the pair's floating IP; absent if unknown", since = "4.22.0")
    private Boolean holdsFloatingIp;

    @SerializedName("addresses")
    @Param(description = "the node's addresses", since = "4.22.0")
    private List<String> addresses;

    @SerializedName("problems")
    @Param(description = "sources the agent could not read, each with the reason", since = "4.22.0")
    private List<String> problems;

    public DrbdNfsNodeResponse() {
        super("node");
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setAgent(String agent) {
        this.agent = agent;
    }

    public void setReachable(Boolean reachable) {
        this.reachable = reachable;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public void setDrbd(List<String> drbd) {
        this.drbd = drbd;
    }

    public void setHoldsFloatingIp(Boolean holdsFloatingIp) {
        this.holdsFloatingIp = holdsFloatingIp;
    }

    public void setAddresses(List<String> addresses) {
        this.addresses = addresses;
    }

    public void setProblems(List<String> problems) {
        this.problems = problems;
    }

    public String getName() {
        return name;
    }

    public Boolean getReachable() {
        return reachable;
    }

    public Boolean getHoldsFloatingIp() {
        return holdsFloatingIp;
    }

    public List<String> getDrbd() {
        return drbd;
    }

    public String getSummary() {
        return summary;
    }
}
