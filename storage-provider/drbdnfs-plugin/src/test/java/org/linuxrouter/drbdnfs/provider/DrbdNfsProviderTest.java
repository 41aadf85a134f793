package org.linuxrouter.drbdnfs.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.cloudstack.engine.subsystem.api.storage.DataStoreProvider;
import org.apache.cloudstack.storage.datastore.provider.DefaultHostListener;
import org.junit.jupiter.api.Test;
import org.linuxrouter.drbdnfs.api.DrbdNfsApiService;
import org.linuxrouter.drbdnfs.api.command.ListDrbdNfsManagementPairCmd;
import org.linuxrouter.drbdnfs.api.command.ListDrbdNfsPairsCmd;
import org.linuxrouter.drbdnfs.health.PairHealth;
import org.springframework.context.support.GenericXmlApplicationContext;

/** The provider as CloudStack discovers it: module.properties, the Spring context, configure(). */
class DrbdNfsProviderTest {
    @Test
    void moduleIsAChildOfStorage() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/cloudstack/drbdnfs-storage/module.properties")) {
            p.load(in);
        }
        assertEquals("drbdnfs-storage", p.getProperty("name"));
        assertEquals("storage", p.getProperty("parent"));
    }

    @Test
    void springContextWiresCloudStacksNfsPartsIntoTheProvider() {
        try (GenericXmlApplicationContext ctx = new GenericXmlApplicationContext(
                "classpath:META-INF/cloudstack/drbdnfs-storage/spring-drbdnfs-storage-context.xml")) {
            DrbdNfsProvider provider = ctx.getBean("DrbdNfs", DrbdNfsProvider.class);
            assertEquals("DrbdNfs", provider.getName());
            assertEquals(Set.of(DataStoreProvider.DataStoreProviderType.PRIMARY), provider.getTypes());
            assertSame(ctx.getBean(DrbdNfsLifeCycle.class), provider.getDataStoreLifeCycle());
            assertSame(ctx.getBean(DrbdNfsDriver.class), provider.getDataStoreDriver());
            assertTrue(provider.getHostListener() instanceof DefaultHostListener, "CloudStack's own host listener");
            assertTrue(provider.configure(Map.of()));
            ctx.getBean(PairHealth.class);
            assertEquals(java.util.List.of(ListDrbdNfsPairsCmd.class, ListDrbdNfsManagementPairCmd.class),
                    ctx.getBean(DrbdNfsApiService.class).getCommands());
        }
    }

    @Test
    void configureNeverFailsEvenUnwired() {
        assertTrue(new DrbdNfsProvider().configure(null));
        assertTrue(new DrbdNfsProvider().configure(Map.of("x", new Object())));
    }

    @Test
    void driverReportsStorageStatsSoCloudStackRefreshesUsedBytes() {
        assertTrue(new DrbdNfsDriver().canProvideStorageStats());
    }
}
