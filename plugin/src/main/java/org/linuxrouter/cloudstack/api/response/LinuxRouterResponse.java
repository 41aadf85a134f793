package org.linuxrouter.cloudstack.api.response;

import java.util.Date;

import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.BaseResponse;
import org.apache.cloudstack.api.EntityReference;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.RouterFields;

import com.cloud.serializer.Param;
import com.google.gson.annotations.SerializedName;

/** A registered router. Deliberately has no secret field: the secret is write-only through the API. */
@EntityReference(value = LinuxRouterVO.class)
public class LinuxRouterResponse extends BaseResponse {
    public static final String OBJECT_NAME = "linuxrouter";
    public static final String NETWORK_COUNT = "networkcount";
    public static final String PAIR_WITH_NAME = "pairwithname";
    public static final String VRRP_ROLE = "vrrprole";
    public static final String SPLIT_BRAIN = "splitbrain";
    public static final String LAST_CONTACT = "lastcontact";
    public static final String LAGGING = "lagging";
    public static final String LAGGING_SINCE = "laggingsince";
    public static final String DRIFT = "drift";

    @SerializedName(ApiConstants.ID)
    @Param(description = "the UUID of the linux router", since = "4.22.0")
    private String id;

    @SerializedName(ApiConstants.NAME)
    @Param(description = "the name of the linux router", since = "4.22.0")
    private String name;

    @SerializedName(ApiConstants.ZONE_ID)
    @Param(description = "the UUID of the zone the router serves", since = "4.22.0")
    private String zoneId;

    @SerializedName(ApiConstants.ZONE_NAME)
    @Param(description = "the name of the zone the router serves", since = "4.22.0")
    private String zoneName;

    @SerializedName(ApiConstants.PHYSICAL_NETWORK_ID)
    @Param(description = "the UUID of the physical network the router serves; absent when it serves the whole zone",
            since = "4.22.0")
    private String physicalNetworkId;

    @SerializedName(ApiConstants.URL)
    @Param(description = "the https URL of linuxrouterd's API", since = "4.22.0")
    private String url;

    @SerializedName(RouterFields.FINGERPRINT)
    @Param(description = "the SHA-256 fingerprint of the router's pinned TLS certificate", since = "4.22.0")
    private String fingerprint;

    @SerializedName(RouterFields.TRUNK_INTERFACE)
    @Param(description = "the trunk interface guest VLANs are created on; absent means the router's own setting",
            since = "4.22.0")
    private String trunkInterface;

    @SerializedName(RouterFields.UPLINK_INTERFACE)
    @Param(description = "the uplink interface, as registered", since = "4.22.0")
    private String uplinkInterface;

    @SerializedName(RouterFields.VXLAN_UNDERLAY)
    @Param(description = "the interface VXLAN networks' packets leave the router by; absent means the router's own"
            + " setting", since = "4.22.0")
    private String vxlanUnderlay;

    @SerializedName(RouterFields.VXLAN_MODE)
    @Param(description = "multicast or unicast flooding on VXLAN networks; absent means the router's own setting",
            since = "4.22.0")
    private String vxlanMode;

    @SerializedName(NETWORK_COUNT)
    @Param(description = "the number of networks placed on the router", since = "4.22.0")
    private Integer networkCount;

    @SerializedName(RouterFields.PAIR_WITH)
    @Param(description = "the UUID of the other router of this router's pair; absent for a router on its own",
            since = "4.22.0")
    private String pairWith;

    @SerializedName(PAIR_WITH_NAME)
    @Param(description = "the name of the other router of this router's pair", since = "4.22.0")
    private String pairWithName;

    @SerializedName(VRRP_ROLE)
    @Param(description = "the router's VRRP role as it reports it (MASTER, BACKUP, FAULT, STOP, UNKNOWN); absent when"
            + " it runs without VRRP or did not answer (listLinuxRouters only)", since = "4.22.0")
    private String vrrpRole;

    @SerializedName(SPLIT_BRAIN)
    @Param(description = "true when the router reports that it and its pair member are both MASTER (the link"
            + " between them cut); absent when it runs without VRRP or did not answer (listLinuxRouters only)",
            since = "4.22.0")
    private Boolean splitBrain;

    @SerializedName(LAST_CONTACT)
    @Param(description = "when the router last answered the plugin", since = "4.22.0")
    private Date lastContact;

    @SerializedName(LAGGING)
    @Param(description = "true when the router missed a change its pair member applied and was not resynced yet",
            since = "4.22.0")
    private Boolean lagging;

    @SerializedName(LAGGING_SINCE)
    @Param(description = "when the router first missed a change; absent when it is in step", since = "4.22.0")
    private Date laggingSince;

    @SerializedName(DRIFT)
    @Param(description = "how many networks still differed from CloudStack after the last reconciliation or resync",
            since = "4.22.0")
    private Integer drift;

    @SerializedName(ApiConstants.CREATED)
    @Param(description = "when the router was registered", since = "4.22.0")
    private Date created;

    public LinuxRouterResponse() {
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

    public String getZoneId() {
        return zoneId;
    }

    public void setZoneId(String zoneId) {
        this.zoneId = zoneId;
    }

    public String getZoneName() {
        return zoneName;
    }

    public void setZoneName(String zoneName) {
        this.zoneName = zoneName;
    }

    public String getPhysicalNetworkId() {
        return physicalNetworkId;
    }

    public void setPhysicalNetworkId(String physicalNetworkId) {
        this.physicalNetworkId = physicalNetworkId;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public void setFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    public String getTrunkInterface() {
        return trunkInterface;
    }

    public void setTrunkInterface(String trunkInterface) {
        this.trunkInterface = trunkInterface;
    }

    public String getUplinkInterface() {
        return uplinkInterface;
    }

    public void setUplinkInterface(String uplinkInterface) {
        this.uplinkInterface = uplinkInterface;
    }

    public String getVxlanUnderlay() {
        return vxlanUnderlay;
    }

    public void setVxlanUnderlay(String vxlanUnderlay) {
        this.vxlanUnderlay = vxlanUnderlay;
    }

    public String getVxlanMode() {
        return vxlanMode;
    }

    public void setVxlanMode(String vxlanMode) {
        this.vxlanMode = vxlanMode;
    }

    public Integer getNetworkCount() {
        return networkCount;
    }

    public void setNetworkCount(Integer networkCount) {
        this.networkCount = networkCount;
    }

    public String getPairWith() {
        return pairWith;
    }

    public void setPairWith(String pairWith) {
        this.pairWith = pairWith;
    }

    public String getPairWithName() {
        return pairWithName;
    }

    public void setPairWithName(String pairWithName) {
        this.pairWithName = pairWithName;
    }

    public String getVrrpRole() {
        return vrrpRole;
    }

    public void setVrrpRole(String vrrpRole) {
        this.vrrpRole = vrrpRole;
    }

    public Boolean getSplitBrain() {
        return splitBrain;
    }

    public void setSplitBrain(Boolean splitBrain) {
        this.splitBrain = splitBrain;
    }

    public Date getLastContact() {
        return lastContact == null ? null : new Date(lastContact.getTime());
    }

    public void setLastContact(Date lastContact) {
        this.lastContact = lastContact == null ? null : new Date(lastContact.getTime());
    }

    public Boolean getLagging() {
        return lagging;
    }

    public void setLagging(Boolean lagging) {
        this.lagging = lagging;
    }

    public Date getLaggingSince() {
        return laggingSince == null ? null : new Date(laggingSince.getTime());
    }

    public void setLaggingSince(Date laggingSince) {
        this.laggingSince = laggingSince == null ? null : new Date(laggingSince.getTime());
    }

    public Integer getDrift() {
        return drift;
    }

    public void setDrift(Integer drift) {
        this.drift = drift;
    }

    public Date getCreated() {
        return created == null ? null : new Date(created.getTime());
    }

    public void setCreated(Date created) {
        this.created = created == null ? null : new Date(created.getTime());
    }
}
