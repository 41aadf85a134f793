package org.linuxrouter.cloudstack.testing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.linuxrouter.cloudstack.registry.LinuxRouterDao;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.RouterScope;
import org.linuxrouter.protocol.auth.RouterSecret;

import com.cloud.dc.DataCenter;
import com.cloud.network.PhysicalNetwork;
import com.cloud.utils.db.EntityManager;

/**
 * The registry's CloudStack side, in memory: the router table behind a Mockito mock of the DAO (ids assigned on
 * persist, as MySQL's AUTO_INCREMENT does), and an EntityManager that knows one zone with one physical network
 * (ids {@link GuestNetworks#ZONE}, {@link GuestNetworks#PHYSICAL_NETWORK}) and a second zone 9 with physical network 8.
 */
public final class Registries {
    public static final String FINGERPRINT = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"
            + ":AB:CD:EF:01:23:45:67:89";
    public static final String SECRET = RouterSecret.generate().encoded();

    private final List<LinuxRouterVO> rows = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final LinuxRouterDao dao = mock(LinuxRouterDao.class);
    private final EntityManager entities = mock(EntityManager.class);

    public Registries() {
        when(dao.listAll()).thenAnswer(i -> new ArrayList<>(rows));
        when(dao.persist(any())).thenAnswer(i -> {
            LinuxRouterVO vo = i.getArgument(0);
            Fields.set(vo, "id", ids.incrementAndGet());
            rows.add(vo);
            return vo;
        });
        when(dao.findById(anyLong())).thenAnswer(i -> rows.stream()
                .filter(r -> r.getId() == (Long) i.getArgument(0)).findFirst().orElse(null));
        when(dao.findByUuid(anyString())).thenAnswer(i -> rows.stream()
                .filter(r -> r.getUuid().equals(i.getArgument(0))).findFirst().orElse(null));
        when(dao.remove(anyLong())).thenAnswer(i -> rows.removeIf(r -> r.getId() == (Long) i.getArgument(0)));
        zone(GuestNetworks.ZONE, "zone-uuid-1", "zone1");
        physicalNetwork(GuestNetworks.PHYSICAL_NETWORK, GuestNetworks.ZONE, "physnet-uuid-2");
        zone(9, "zone-uuid-9", "zone9");
        physicalNetwork(8, 9, "physnet-uuid-8");
    }

    private void zone(long id, String uuid, String name) {
        DataCenter zone = mock(DataCenter.class);
        when(zone.getId()).thenReturn(id);
        when(zone.getUuid()).thenReturn(uuid);
        when(zone.getName()).thenReturn(name);
        when(entities.findById(eq(DataCenter.class), eq(id))).thenReturn(zone);
    }

    private void physicalNetwork(long id, long zone, String uuid) {
        PhysicalNetwork physnet = mock(PhysicalNetwork.class);
        when(physnet.getId()).thenReturn(id);
        when(physnet.getDataCenterId()).thenReturn(zone);
        when(physnet.getUuid()).thenReturn(uuid);
        when(entities.findById(eq(PhysicalNetwork.class), eq(id))).thenReturn(physnet);
    }

    public LinuxRouterDao dao() {
        return dao;
    }

    public EntityManager entities() {
        return entities;
    }

    public List<LinuxRouterVO> rows() {
        return List.copyOf(rows);
    }

    /** Stores a router directly, as if registered earlier. */
    public LinuxRouterVO router(String name, RouterScope scope, String url, String trunk) {
        LinuxRouterVO vo = new LinuxRouterVO();
        vo.setName(name);
        vo.setScope(scope);
        vo.setUrl(url);
        vo.setSecret(SECRET);
        vo.setFingerprint(FINGERPRINT);
        vo.setTrunkInterface(trunk);
        return dao.persist(vo);
    }
}
