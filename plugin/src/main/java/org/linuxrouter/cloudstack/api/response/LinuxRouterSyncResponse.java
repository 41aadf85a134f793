package org.linuxrouter.cloudstack.api.response;

import java.util.List;

import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.BaseResponse;
import org.apache.cloudstack.api.EntityReference;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;

import com.cloud.serializer.Param;
import com.google.gson.annotations.SerializedName;

/** What syncLinuxRouter pushed to a router and what failed. */
@EntityReference(value = LinuxRouterVO.class)
public class LinuxRouterSyncResponse extends BaseResponse {
    public static final String OBJECT_NAME = "linuxroutersync";

    @SerializedName(ApiConstants.ID)
    @Param(description = "the UUID of the linux router", since = "4.22.0")
    private String id;

    @SerializedName(ApiConstants.NAME)
    @Param(description = "the name of the linux router", since = "4.22.0")
    private String name;

    @SerializedName("networks")
    @Param(description = "the number of networks CloudStack holds for the router", since = "4.22.0")
    private Integer networks;

    @SerializedName("networksput")
    @Param(description = "networks put on the router", since = "4.22.0")
    private Integer networksPut;

    @SerializedName("nicsput")
    @Param(description = "NICs put on the router", since = "4.22.0")
    private Integer nicsPut;

    @SerializedName("nicsdeleted")
    @Param(description = "NICs the router held that CloudStack does not, deleted", since = "4.22.0")
    private Integer nicsDeleted;

    @SerializedName("networksdeleted")
    @Param(description = "networks the router held that CloudStack does not, deleted", since = "4.22.0")
    private Integer networksDeleted;

    @SerializedName("failures")
    @Param(description = "why individual changes failed; the others were applied", since = "4.22.0")
    private List<String> failures;

    public LinuxRouterSyncResponse() {
        super(OBJECT_NAME);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getNetworks() {
        return networks;
    }

    public void setNetworks(Integer networks) {
        this.networks = networks;
    }

    public Integer getNetworksPut() {
        return networksPut;
    }

    public void setNetworksPut(Integer networksPut) {
        this.networksPut = networksPut;
    }

    public Integer getNicsPut() {
        return nicsPut;
    }

    public void setNicsPut(Integer nicsPut) {
        this.nicsPut = nicsPut;
    }

    public Integer getNicsDeleted() {
        return nicsDeleted;
    }

    public void setNicsDeleted(Integer nicsDeleted) {
        this.nicsDeleted = nicsDeleted;
    }

    public Integer getNetworksDeleted() {
        return networksDeleted;
    }

    public void setNetworksDeleted(Integer networksDeleted) {
        this.networksDeleted = networksDeleted;
    }

    public List<String> getFailures() {
        return failures;
    }

    public void setFailures(List<String> failures) {
        this.failures = failures == null ? null : List.copyOf(failures);
    }
}
