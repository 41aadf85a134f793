package org.linuxrouter.drbdnfs.api.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.cloud.exception.InvalidParameterValueException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.cloudstack.alert.AlertService;
import org.apache.cloudstack.storage.datastore.db.PrimaryDataStoreDao;
import org.apache.cloudstack.storage.datastore.db.StoragePoolDetailsDao;
import org.apache.cloudstack.storage.datastore.db.StoragePoolVO;
import org.junit.jupiter.api.Test;
import org.linuxrouter.drbdnfs.FakeAgents;
import org.linuxrouter.drbdnfs.api.response.DrbdNfsNodeResponse;
import org.linuxrouter.drbdnfs.api.response.DrbdNfsPairResponse;
import org.linuxrouter.drbdnfs.health.PairHealth;
import org.linuxrouter.drbdnfs.pair.PairDetails;
import org.linuxrouter.drbdnfs.pair.PairEndpoints;
import org.linuxrouter.drbdnfs.pair.PairProbe;
import org.linuxrouter.drbdnfs.pair.PoolPairs;
import org.linuxrouter.ha.status.Reading;

/** listDrbdNfsPairs: live per-node state; listDrbdNfsManagementPair: refuses when not configured. */
class ListDrbdNfsPairsCmdTest {
    @Test
    void listsEachPairWithBothNodes() throws IOException {
        try (ServerSocket nfs = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            PrimaryDataStoreDao poolDao = mock(PrimaryDataStoreDao.class);
            StoragePoolVO pool = mock(StoragePoolVO.class);
            when(pool.getId()).thenReturn(7L);
            when(pool.getUuid()).thenReturn("5f0c0f9e-0000-4000-8000-000000000007");
            when(pool.getName()).thenReturn("drbd-primary");
            when(pool.getHostAddress()).thenReturn(FakeAgents.VIP);
            when(pool.getPath()).thenReturn("/srv/nfs");
            when(pool.getPort()).thenReturn(nfs.getLocalPort());
            when(pool.getStorageProviderName()).thenReturn("DrbdNfs");
            when(poolDao.findPoolsByProvider("DrbdNfs")).thenReturn(List.of(pool));
            when(poolDao.findById(7L)).thenReturn(pool);
            Map<String, String> d = new HashMap<>();
            d.put(PairDetails.AGENTS, FakeAgents.AGENT_A + "," + FakeAgents.AGENT_B);
            d.put(PairDetails.FINGERPRINTS, FakeAgents.PIN_A + "," + FakeAgents.PIN_B);
            when(poolDao.getDetails(7L)).thenReturn(d);
            PoolPairs pairs = new PoolPairs(poolDao) {
                @Override
                public PairEndpoints endpoints(com.cloud.storage.StoragePool p) {
                    return PairEndpoints.parse(d.get(PairDetails.AGENTS), d.get(PairDetails.FINGERPRINTS), FakeAgents.SECRET);
                }
            };
            FakeAgents agents = FakeAgents.healthyPair();
            agents.answer(FakeAgents.AGENT_B, Reading.unknown("agent 10.20.0.12:8444: no connection"));
            PairHealth health = new PairHealth(pairs, mock(StoragePoolDetailsDao.class), mock(AlertService.class),
                    new PairProbe(agents, Clock.systemUTC()), 3);

            List<DrbdNfsPairResponse> all = new ListDrbdNfsPairsCmd(pairs, health, null).responses();
            assertEquals(1, all.size());
            DrbdNfsPairResponse r = all.get(0);
            assertEquals("drbd-primary", r.getPoolName());
            assertEquals("UNKNOWN", r.getState(), String.valueOf(r.getReasons()));
            assertEquals(1_000_000_000L, r.getCapacityBytes());
            DrbdNfsNodeResponse a = r.getNodes().get(0);
            assertEquals("storage1", a.getName());
            assertTrue(a.getReachable());
            assertTrue(a.getHoldsFloatingIp());
            assertEquals(List.of("minor 0 Primary/Secondary UpToDate/UpToDate Connected"), a.getDrbd());
            DrbdNfsNodeResponse b = r.getNodes().get(1);
            assertFalse(b.getReachable());
            assertTrue(b.getSummary().contains("unreachable: agent 10.20.0.12:8444: no connection"), b.getSummary());

            assertEquals(1, new ListDrbdNfsPairsCmd(pairs, health, 7L).responses().size());
            InvalidParameterValueException e = assertThrows(InvalidParameterValueException.class,
                    () -> new ListDrbdNfsPairsCmd(pairs, health, 8L).responses());
            assertEquals("id: no DrbdNfs storage pool with this id", e.getMessage());
        }
    }

    @Test
    void managementPairNotConfiguredIsAParameterError() {
        PairHealth health = mock(PairHealth.class);
        when(health.checkManagementPair()).thenReturn(Optional.empty());
        InvalidParameterValueException e = assertThrows(InvalidParameterValueException.class,
                () -> new ListDrbdNfsManagementPairCmd(health).response());
        assertTrue(e.getMessage().startsWith("the management-server pair is not configured"), e.getMessage());
        when(health.checkManagementPair()).thenThrow(new IllegalArgumentException("drbdnfs_agents: required"));
        assertEquals("management-server pair settings: drbdnfs_agents: required",
                assertThrows(InvalidParameterValueException.class, () -> new ListDrbdNfsManagementPairCmd(health).response()).getMessage());
    }
}
