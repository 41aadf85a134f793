package org.linuxrouter.cloudstack.client;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.inject.Inject;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.Uuid;

import com.cloud.utils.crypt.DBEncryptionUtil;
import com.cloud.vm.Nic;
import com.cloud.vm.NicDetailVO;
import com.cloud.vm.dao.NicDao;
import com.cloud.vm.dao.NicDetailsDao;

/**
 * One-time passwords a pair member did not acknowledge, kept for that member until it holds them. CloudStack hands a
 * password to the plugin once (the VmPassword of the start or reset that set it), so a member that was down has no
 * other way to get it: after a failover to it the VM would get none. Each is kept in CloudStack's {@code nic_details}
 * under {@code linuxrouter.pending.password.<router uuid>}, encrypted with CloudStack's column encryption as the
 * password of a stopped VM is kept in its details, hidden from the API ({@code display} false), so it survives a
 * management-server restart. It is sent with the NIC at the member's next PUT of it (a resync, or any change) and
 * dropped when the member acknowledged it, when CloudStack sets a newer password, or when the NIC or its network
 * leaves the routers. The router refuses a password its VM already fetched on the other member (its tombstone), so
 * sending a kept one late never hands it out twice.
 */
public class PendingPasswords {
    static final String KEY_PREFIX = "linuxrouter.pending.password.";
    private static final Logger LOG = LogManager.getLogger(PendingPasswords.class);

    @Inject
    private NicDao nics;
    @Inject
    private NicDetailsDao nicDetails;
    /** CloudStack's column encryption; replaced in tests, whose SDK has no encryption key. */
    UnaryOperator<String> encrypt = DBEncryptionUtil::encrypt;
    UnaryOperator<String> decrypt = DBEncryptionUtil::decrypt;

    public PendingPasswords() {
    }

    /** For tests and hand wiring. */
    public PendingPasswords(NicDao nics, NicDetailsDao nicDetails) {
        this.nics = nics;
        this.nicDetails = nicDetails;
    }

    /** {@code member} did not acknowledge a PUT of the NIC carrying {@code password}: kept for it (replacing any). */
    public void keep(RouterEndpoint member, Uuid nic, Secret password) {
        Nic row = nics.findByUuid(nic.value());
        if (row == null) {
            LOG.warn("nic {} is gone: the password {} missed is not kept", nic, member);
            return;
        }
        nicDetails.addDetail(row.getId(), key(member), encrypt.apply(password.reveal()), false);
        LOG.info("{} missed the password of nic {}: kept for it until it is resynced", member, nic);
    }

    /** The password kept for {@code member} of the NIC, if any. */
    public Optional<Secret> keptFor(RouterEndpoint member, Uuid nic) {
        Nic row = nics.findByUuid(nic.value());
        if (row == null) {
            return Optional.empty();
        }
        NicDetailVO detail = nicDetails.findDetail(row.getId(), key(member));
        return detail == null ? Optional.empty() : Optional.of(Secret.of(decrypt.apply(detail.getValue())));
    }

    /** Every password kept for {@code member}, by NIC id: one query, for a resync over all its NICs. */
    public Map<Long, Secret> keptFor(RouterEndpoint member) {
        Map<Long, Secret> kept = new HashMap<>();
        for (NicDetailVO detail : nicDetails.findDetails(key(member))) {
            kept.put(detail.getResourceId(), Secret.of(decrypt.apply(detail.getValue())));
        }
        return kept;
    }

    /**
     * {@code member} acknowledged a PUT of the NIC carrying {@code password}: dropped if that is the one kept (not a
     * newer one kept meanwhile).
     */
    public void delivered(RouterEndpoint member, Uuid nic, Secret password) {
        Nic row = nics.findByUuid(nic.value());
        if (row == null) {
            return;
        }
        NicDetailVO detail = nicDetails.findDetail(row.getId(), key(member));
        if (detail != null && password.equals(Secret.of(decrypt.apply(detail.getValue())))) {
            nicDetails.removeDetail(row.getId(), key(member));
            LOG.info("{} holds the password of nic {} it had missed", member, nic);
        }
    }

    /** {@code member} acknowledged a newer password CloudStack set: whatever was kept for it is obsolete. */
    public void replaced(RouterEndpoint member, Uuid nic) {
        Nic row = nics.findByUuid(nic.value());
        if (row != null && nicDetails.findDetail(row.getId(), key(member)) != null) {
            nicDetails.removeDetail(row.getId(), key(member));
        }
    }

    /** The NIC left the routers (its VM stopped or is gone): nothing is kept for it any more. */
    public void forgetNic(RouterPair pair, Uuid nic) {
        pair.members().forEach(member -> forgetNic(member, nic));
    }

    /** The NIC left {@code member} (a sync removed it there): nothing is kept for it there any more. */
    public void forgetNic(RouterEndpoint member, Uuid nic) {
        Nic row = nics.findByUuidIncludingRemoved(nic.value());
        if (row != null && nicDetails.findDetail(row.getId(), key(member)) != null) {
            nicDetails.removeDetail(row.getId(), key(member));
        }
    }

    /** The network left the routers: nothing is kept for its NICs any more (removed ones included). */
    public void forgetNetwork(RouterPair pair, long networkId) {
        for (RouterEndpoint member : pair.members()) {
            for (NicDetailVO detail : nicDetails.findDetails(key(member))) {
                Nic row = nics.findByIdIncludingRemoved(detail.getResourceId());
                if (row == null || row.getNetworkId() == networkId) {
                    nicDetails.removeDetail(detail.getResourceId(), key(member));
                }
            }
        }
    }

    static String key(RouterEndpoint member) {
        return KEY_PREFIX + member.uuid();
    }
}
