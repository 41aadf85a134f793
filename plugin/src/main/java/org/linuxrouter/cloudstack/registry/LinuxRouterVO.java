package org.linuxrouter.cloudstack.registry;

import java.util.Date;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

import org.apache.cloudstack.api.Identity;
import org.apache.cloudstack.api.InternalIdentity;

import com.cloud.utils.db.Encrypt;

/**
 * One registered router, as the {@value #TABLE} table holds it. The secret is encrypted at rest by CloudStack's
 * DAO layer ({@code @Encrypt}); {@link #toString()} leaves it out. Rows are deleted, not soft-deleted, so the
 * unique name and scope can be reused. CloudStack-facing, so it keeps CloudStack's getter and setter style.
 */
@Entity
@Table(name = LinuxRouterVO.TABLE)
public class LinuxRouterVO implements Identity, InternalIdentity {
    public static final String TABLE = "linuxrouter_routers";
    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private long id;

    @Column(name = "uuid")
    private String uuid;

    @Column(name = "name")
    private String name;

    @Column(name = "data_center_id")
    private long zoneId;

    @Column(name = "physical_network_id")
    private Long physicalNetworkId;

    /**
     * {@link RouterScope#key()}, with {@code #2} appended for the second member of a pair: unique, so at most two
     * routers (one pair) serve a zone or physical network.
     */
    @Column(name = "scope")
    private String scope;

    /** 1 or 2: the router's place in its scope's pair (a router on its own is member 1). */
    @Column(name = "pair_member")
    private int pairMember = 1;

    @Column(name = "lagging_since")
    @Temporal(TemporalType.TIMESTAMP)
    private Date laggingSince;

    @Column(name = "last_contact")
    @Temporal(TemporalType.TIMESTAMP)
    private Date lastContact;

    @Column(name = "drift")
    private Integer drift;

    @Column(name = "url")
    private String url;

    @Encrypt
    @Column(name = "secret")
    private String secret;

    @Column(name = "fingerprint")
    private String fingerprint;

    @Column(name = "trunk_interface")
    private String trunkInterface;

    @Column(name = "uplink_interface")
    private String uplinkInterface;

    @Column(name = "vxlan_underlay")
    private String vxlanUnderlay;

    @Column(name = "vxlan_mode")
    private String vxlanMode;

    @Column(name = "created")
    @Temporal(TemporalType.TIMESTAMP)
    private Date created;

    public LinuxRouterVO() {
        this.uuid = UUID.randomUUID().toString();
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public long getZoneId() {
        return zoneId;
    }

    public Long getPhysicalNetworkId() {
        return physicalNetworkId;
    }

    /** Sets the zone, the physical network (null for zone-wide) and the derived unique scope key together. */
    public void setScope(RouterScope scope) {
        setScope(scope, 1);
    }

    /** As {@link #setScope(RouterScope)} for member 1 or 2 of the scope's router pair. */
    public void setScope(RouterScope scope, int member) {
        if (member != 1 && member != 2) {
            throw new IllegalArgumentException("expected pair member 1 or 2, got " + member);
        }
        this.zoneId = scope.zoneId();
        this.physicalNetworkId = scope.physicalNetworkId().orElse(null);
        this.pairMember = member;
        this.scope = member == 1 ? scope.key() : scope.key() + "#" + member;
    }

    public int getPairMember() {
        return pairMember;
    }

    /** When the router first missed a change its pair member applied; null while it is in step. */
    public Date getLaggingSince() {
        return laggingSince == null ? null : new Date(laggingSince.getTime());
    }

    public void setLaggingSince(Date laggingSince) {
        this.laggingSince = laggingSince == null ? null : new Date(laggingSince.getTime());
    }

    /** When the router last answered the plugin's reconciliation, resync or listing; null: never yet. */
    public Date getLastContact() {
        return lastContact == null ? null : new Date(lastContact.getTime());
    }

    public void setLastContact(Date lastContact) {
        this.lastContact = lastContact == null ? null : new Date(lastContact.getTime());
    }

    /**
     * The networks still differing from CloudStack's view after the last reconciliation or resync (0 when it repaired
     * everything; the networks that differed when a repair failed); null: not reconciled yet.
     */
    public Integer getDrift() {
        return drift;
    }

    public void setDrift(Integer drift) {
        this.drift = drift;
    }

    public RouterScope getScope() {
        return physicalNetworkId == null ? RouterScope.zone(zoneId) : RouterScope.physicalNetwork(zoneId, physicalNetworkId);
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    /** The shared secret in its unpadded base64url form (decrypted by the DAO layer). */
    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public void setFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    /** Null means the router's own configured trunk. */
    public String getTrunkInterface() {
        return trunkInterface;
    }

    public void setTrunkInterface(String trunkInterface) {
        this.trunkInterface = trunkInterface;
    }

    /** Null when the router has no uplink; informational (linuxrouterd's own configuration decides). */
    public String getUplinkInterface() {
        return uplinkInterface;
    }

    public void setUplinkInterface(String uplinkInterface) {
        this.uplinkInterface = uplinkInterface;
    }

    /** Null means the router's own vxlan_underlay. */
    public String getVxlanUnderlay() {
        return vxlanUnderlay;
    }

    public void setVxlanUnderlay(String vxlanUnderlay) {
        this.vxlanUnderlay = vxlanUnderlay;
    }

    /** multicast, unicast, or null for the router's own vxlan_mode. */
    public String getVxlanMode() {
        return vxlanMode;
    }

    public void setVxlanMode(String vxlanMode) {
        this.vxlanMode = vxlanMode;
    }

    public Date getCreated() {
        return created == null ? null : new Date(created.getTime());
    }

    @Override
    public String toString() {
        return "LinuxRouterVO{id=" + id + ", uuid=" + uuid + ", name=" + name + ", scope=" + scope + ", member=" + pairMember + ", url=" + url
                + ", fingerprint=" + fingerprint + ", trunk=" + trunkInterface + ", uplink=" + uplinkInterface
                + ", vxlanUnderlay=" + vxlanUnderlay + ", vxlanMode=" + vxlanMode + ", laggingSince=" + laggingSince
                + ", secret=redacted}";
    }
}
