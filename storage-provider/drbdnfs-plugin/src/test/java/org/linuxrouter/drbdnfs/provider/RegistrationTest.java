package org.linuxrouter.drbdnfs.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.cloud.exception.InvalidParameterValueException;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.cloudstack.engine.subsystem.api.storage.DataStore;
import org.apache.cloudstack.storage.datastore.db.StoragePoolDetailsDao;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.drbdnfs.FakeAgents;
import org.linuxrouter.drbdnfs.pair.PairDetails;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.report.AgentReport;

/** The registration path as CloudStack's StorageManagerImpl drives it, CloudStack's beans mocked. */
class RegistrationTest {
    private final StoragePoolDetailsDao details = mock(StoragePoolDetailsDao.class);
    private final DataStore created = mock(DataStore.class);
    private final List<Map<String, Object>> createdWith = new ArrayList<>();
    private ServerSocket nfs;
    private FakeAgents agents;

    @BeforeEach
    void nfsListens() throws IOException {
        nfs = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        when(created.getId()).thenReturn(42L);
        agents = FakeAgents.healthyPair();
    }

    @AfterEach
    void close() throws IOException {
        nfs.close();
    }

    private DrbdNfsLifeCycle lifeCycle() {
        return new DrbdNfsLifeCycle(details, agents) {
            @Override
            DataStore createPool(Map<String, Object> infos) {
                createdWith.add(infos);
                return created;
            }

            @Override
            String encrypt(String secret) {
                return "encrypted(" + secret + ")";
            }
        };
    }

    /** What StorageManagerImpl.createPool hands the lifecycle for nfs://VIP:port/srv/nfs with these details. */
    private Map<String, Object> dsInfos(String scheme, String host, Map<String, String> poolDetails) {
        Map<String, Object> m = new HashMap<>();
        m.put("scheme", scheme);
        m.put("host", host);
        m.put("hostPath", "/srv/nfs");
        m.put("port", String.valueOf(nfs.getLocalPort()));
        m.put("zoneId", 1L);
        m.put("name", "drbd-primary");
        m.put("providerName", "DrbdNfs");
        m.put("details", poolDetails);
        return m;
    }

    private static Map<String, String> goodDetails() {
        Map<String, String> d = new HashMap<>();
        d.put(PairDetails.AGENTS, FakeAgents.AGENT_A + "," + FakeAgents.AGENT_B);
        d.put(PairDetails.FINGERPRINTS, FakeAgents.PIN_A + ", " + FakeAgents.PIN_B);
        d.put(PairDetails.SECRET, FakeAgents.SECRET);
        d.put(PairDetails.MOUNT_POINT, "/srv/nfs");
        d.put("nfsmountopts", "vers=4.1");
        return d;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aServingPairIsRegisteredThroughCloudStacksNfsLifecycleWithItsSecretHidden() {
        DataStore store = lifeCycle().initialize(dsInfos("nfs", FakeAgents.VIP, goodDetails()));
        assertSame(created, store);
        Map<String, Object> infos = createdWith.get(0);
        assertEquals("nfs", infos.get("scheme"), "CloudStack's own NFS path: pool type NetworkFilesystem");
        Map<String, String> shown = (Map<String, String>) infos.get("details");
        assertFalse(shown.containsKey(PairDetails.SECRET));
        assertFalse(shown.containsKey(PairDetails.FINGERPRINTS));
        assertEquals("vers=4.1", shown.get("nfsmountopts"));
        assertEquals(FakeAgents.AGENT_A + "," + FakeAgents.AGENT_B, shown.get(PairDetails.AGENTS));
        verify(details).addDetail(42L, PairDetails.SECRET, "encrypted(" + FakeAgents.SECRET + ")", false);
        verify(details).addDetail(42L, PairDetails.FINGERPRINTS, FakeAgents.PIN_A + ", " + FakeAgents.PIN_B, false);
        assertEquals(List.of(FakeAgents.AGENT_A.toString(), FakeAgents.AGENT_B.toString()), agents.asked);
    }

    private void assertRefused(Map<String, Object> infos, String message) {
        InvalidParameterValueException e = assertThrows(InvalidParameterValueException.class,
                () -> lifeCycle().initialize(infos));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(createdWith.isEmpty(), "nothing created");
        verify(details, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());
    }

    @Test
    void onlyNfsUrls() {
        assertRefused(dsInfos("iscsi", FakeAgents.VIP, goodDetails()),
                "url: DrbdNfs registers nfs://<floating IP>/<export>, got scheme \"iscsi\"");
    }

    @Test
    void theHostMustBeTheFloatingIpNotAName() {
        assertRefused(dsInfos("nfs", "storage.example.org", goodDetails()),
                "url: the host must be the pair's floating IP address, got \"storage.example.org\"");
        assertRefused(dsInfos("nfs", "cafe", goodDetails()), "floating IP address");
    }

    @Test
    void agentsAreRequired() {
        Map<String, String> d = goodDetails();
        d.remove(PairDetails.AGENTS);
        assertRefused(dsInfos("nfs", FakeAgents.VIP, d), "details: drbdnfs_agents: required");
        Map<String, String> one = goodDetails();
        one.put(PairDetails.AGENTS, "https://10.20.0.11:8444");
        assertRefused(dsInfos("nfs", FakeAgents.VIP, one), "drbdnfs_agents: expected two comma-separated values, got 1");
        Map<String, String> http = goodDetails();
        http.put(PairDetails.AGENTS, "http://10.20.0.11:8444,https://10.20.0.12:8444");
        assertRefused(dsInfos("nfs", FakeAgents.VIP, http), "expected https://host:port of an ha-agent, got \"http://10.20.0.11:8444\"");
        Map<String, String> badSecret = goodDetails();
        badSecret.put(PairDetails.SECRET, "short");
        assertRefused(dsInfos("nfs", FakeAgents.VIP, badSecret), "details: drbdnfs_secret: ");
        Map<String, String> badPin = goodDetails();
        badPin.put(PairDetails.FINGERPRINTS, "AA:BB," + FakeAgents.PIN_B);
        assertRefused(dsInfos("nfs", FakeAgents.VIP, badPin), "drbdnfs_fingerprints: expected SHA-256 fingerprints");
    }

    @Test
    void nfsMustAnswerOnTheFloatingIp() throws IOException {
        nfs.close(); // the port is now closed: a real refused TCP connect
        assertRefused(dsInfos("nfs", FakeAgents.VIP, goodDetails()),
                "url: nothing answers on " + FakeAgents.VIP + ":" + nfs.getLocalPort() + " (TCP)");
    }

    @Test
    void bothAgentsMustAnswer() {
        agents.answer(FakeAgents.AGENT_B, Reading.unknown("agent 10.20.0.12:8444 answered 401: bad signature"));
        assertRefused(dsInfos("nfs", FakeAgents.VIP, goodDetails()),
                "storage node agent https://10.20.0.12:8444 did not answer: agent 10.20.0.12:8444 answered 401");
    }

    @Test
    void managementAgentsAreNotStorageNodes() {
        AgentReport ms = new AgentReport("ms1", AgentReport.Role.MANAGEMENT, Map.of(), java.util.Optional.empty(), List.of());
        agents.answer(FakeAgents.AGENT_A, Reading.of(ms));
        assertRefused(dsInfos("nfs", FakeAgents.VIP, goodDetails()), "is a management-server agent");
    }

    @Test
    void oneNodeMustHoldTheFloatingIp() {
        agents.answer(FakeAgents.AGENT_A, Reading.of(FakeAgents.storageNode("storage1", false)));
        assertRefused(dsInfos("nfs", FakeAgents.VIP, goodDetails()), "neither storage node holds the floating IP 10.20.0.10");
    }

    @Test
    void twoUrlsForTheSameNodeAreRefused() {
        agents.answer(FakeAgents.AGENT_B, Reading.of(FakeAgents.storageNode("storage1", false)));
        assertRefused(dsInfos("nfs", FakeAgents.VIP, goodDetails()), "both agents answer as node storage1");
    }

    @Test
    void optionalDetailsAreChecked() {
        Map<String, String> d = goodDetails();
        d.put(PairDetails.FSID, "1; rm -rf /");
        assertRefused(dsInfos("nfs", FakeAgents.VIP, d), "drbdnfs_fsid: expected a number or UUID");
    }
}
