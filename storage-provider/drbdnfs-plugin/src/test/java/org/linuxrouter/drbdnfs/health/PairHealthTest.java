package org.linuxrouter.drbdnfs.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.cloudstack.alert.AlertService;
import org.apache.cloudstack.storage.datastore.db.PrimaryDataStoreDao;
import org.apache.cloudstack.storage.datastore.db.StoragePoolDetailVO;
import org.apache.cloudstack.storage.datastore.db.StoragePoolDetailsDao;
import org.apache.cloudstack.storage.datastore.db.StoragePoolVO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.drbdnfs.FakeAgents;
import org.linuxrouter.drbdnfs.pair.PairDetails;
import org.linuxrouter.drbdnfs.pair.PairEndpoints;
import org.linuxrouter.drbdnfs.pair.PairProbe;
import org.linuxrouter.drbdnfs.pair.PairSnapshot;
import org.linuxrouter.drbdnfs.pair.PoolPairs;
import org.linuxrouter.drbdnfs.provider.DrbdNfsDriver;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.health.HealthState;

/** Polling, recording in pool details and alerting, with CloudStack's DAOs and alert service mocked. */
class PairHealthTest {
    private final PrimaryDataStoreDao poolDao = mock(PrimaryDataStoreDao.class);
    private final StoragePoolDetailsDao details = mock(StoragePoolDetailsDao.class);
    private final AlertService alerts = mock(AlertService.class);
    private final StoragePoolVO pool = mock(StoragePoolVO.class);
    private final Map<String, String> stored = new HashMap<>();
    private FakeAgents agents;
    private ServerSocket nfs;
    private PairHealth health;

    @BeforeEach
    void setUp() throws IOException {
        nfs = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        agents = FakeAgents.healthyPair();
        when(pool.getId()).thenReturn(7L);
        when(pool.getName()).thenReturn("drbd-primary");
        when(pool.getDataCenterId()).thenReturn(1L);
        when(pool.getPodId()).thenReturn(null);
        when(pool.getHostAddress()).thenReturn(FakeAgents.VIP);
        when(pool.getPath()).thenReturn("/srv/nfs");
        when(pool.getPort()).thenReturn(nfs.getLocalPort());
        when(pool.getStorageProviderName()).thenReturn("DrbdNfs");
        when(poolDao.findPoolsByProvider("DrbdNfs")).thenReturn(List.of(pool));
        stored.put(PairDetails.AGENTS, FakeAgents.AGENT_A + "," + FakeAgents.AGENT_B);
        stored.put(PairDetails.FINGERPRINTS, FakeAgents.PIN_A + "," + FakeAgents.PIN_B);
        stored.put(PairDetails.SECRET, "stored-encrypted");
        stored.put(PairDetails.MOUNT_POINT, "/srv/nfs");
        stored.put(PairDetails.FSID, "1");
        when(poolDao.getDetails(7L)).thenReturn(stored);
        // the details DAO remembers what is written, like the table would
        org.mockito.Mockito.doAnswer(inv -> {
            stored.put(inv.getArgument(1), inv.getArgument(2));
            return null;
        }).when(details).addDetail(anyLong(), anyString(), anyString(), org.mockito.ArgumentMatchers.anyBoolean());
        when(details.findDetail(eq(7L), anyString())).thenAnswer(inv -> {
            String v = stored.get((String) inv.getArgument(1));
            if (v == null) {
                return null;
            }
            StoragePoolDetailVO vo = mock(StoragePoolDetailVO.class);
            when(vo.getValue()).thenReturn(v);
            return vo;
        });
        PoolPairs pairs = new PoolPairs(poolDao) {
            @Override
            public PairEndpoints endpoints(com.cloud.storage.StoragePool p) {
                // DBEncryptionUtil needs CloudStack's key; the test's secret stands for the decrypted value
                return PairEndpoints.parse(stored.get(PairDetails.AGENTS), stored.get(PairDetails.FINGERPRINTS), FakeAgents.SECRET);
            }
        };
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);
        health = new PairHealth(pairs, details, alerts, new PairProbe(agents, clock), 3);
    }

    @AfterEach
    void close() throws IOException {
        nfs.close();
    }

    @Test
    void healthyPairIsRecordedWithoutAnAlert() {
        PairSnapshot s = health.check(pool);
        assertEquals(HealthState.HEALTHY, s.verdict().state(), s.verdict().summary());
        new HealthRecorder(details, alerts).record(pool, s, 3);
        assertEquals("HEALTHY", stored.get(PairDetails.HEALTH));
        assertEquals("2026-11-25T15:00:00Z", stored.get(PairDetails.CHECKED));
        assertEquals("storage1: r0/0 Primary/Secondary UpToDate/UpToDate Connected; nfsd 8; clock synchronised"
                .replace("r0/0", "minor 0"), stored.get(PairDetails.NODE_PREFIX + "1"));
        verifyNoInteractions(alerts);
    }

    @Test
    void eachTransitionAlertsOnceAndNothingElseChangesThePool() {
        HealthRecorder recorder = new HealthRecorder(details, alerts);
        recorder.record(pool, health.check(pool), 3);
        agents.answer(FakeAgents.AGENT_B, Reading.unknown("no connection"));
        // storage2 unreachable, storage1 still Connected: UNKNOWN, debounced for 3 polls
        assertEquals(HealthState.HEALTHY, recorder.record(pool, health.check(pool), 3));
        assertEquals(HealthState.HEALTHY, recorder.record(pool, health.check(pool), 3));
        verifyNoInteractions(alerts);
        assertEquals(HealthState.UNKNOWN, recorder.record(pool, health.check(pool), 3));
        assertEquals(HealthState.UNKNOWN, recorder.record(pool, health.check(pool), 3));
        verify(alerts, times(1)).generateAlert(any(), eq(1L), eq(null),
                startsWith("DrbdNfs pool drbd-primary is UNKNOWN (was HEALTHY): UNKNOWN: 10.20.0.12: agent does not answer"));
        agents.answer(FakeAgents.AGENT_B, Reading.of(FakeAgents.storageNode("storage2", false)));
        assertEquals(HealthState.HEALTHY, recorder.record(pool, health.check(pool), 3));
        verify(alerts, times(1)).generateAlert(any(), eq(1L), eq(null), startsWith("DrbdNfs pool drbd-primary is HEALTHY (was UNKNOWN)"));
        // the pool's status is never touched: no maintenance, no disable
        verify(poolDao, never()).update(anyLong(), any());
        verify(poolDao, never()).persist(any());
    }

    @Test
    void nfsDownIsFailedAndAlertedImmediately() throws IOException {
        nfs.close();
        health.pollAll();
        assertEquals("FAILED", stored.get(PairDetails.HEALTH));
        assertTrue(stored.get(PairDetails.REASONS).startsWith("FAILED: NFS on 10.20.0.10:" + nfs.getLocalPort() + ": no answer"),
                stored.get(PairDetails.REASONS));
        verify(alerts).generateAlert(any(), eq(1L), eq(null), startsWith("DrbdNfs pool drbd-primary is FAILED: FAILED: NFS on"));
    }

    @Test
    void brokenRegistrationDetailsAreUnknownNotAnException() {
        stored.put(PairDetails.AGENTS, "nonsense");
        PairSnapshot s = health.check(pool);
        assertEquals(HealthState.UNKNOWN, s.verdict().state());
        assertTrue(s.verdict().reasons().get(0).startsWith("pool registration: drbdnfs_agents"), s.verdict().summary());
    }

    @Test
    void driverReportsThePairsCapacity() {
        DrbdNfsDriver driver = new DrbdNfsDriver(health);
        assertTrue(driver.canProvideStorageStats());
        long[] stats = driver.capacityAndUsed(pool);
        assertEquals(1_000_000_000L, stats[0]);
        assertEquals(250_000_000L, stats[1]);
    }
}
