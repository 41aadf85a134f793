package org.linuxrouter.cloudstack.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.BaseCmd;
import org.apache.cloudstack.framework.config.Configurable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.cloudstack.element.LinuxRouterElement;
import org.linuxrouter.cloudstack.registry.LinuxRouterDaoImpl;
import org.linuxrouter.cloudstack.registry.SchemaBootstrap;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.beans.PropertyValues;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.beans.factory.config.TypedStringValue;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ClassPathResource;

import com.cloud.alert.AlertManager;
import com.cloud.network.NetworkModel;
import com.cloud.network.dao.NetworkDetailsDao;
import com.cloud.network.element.DhcpServiceProvider;
import com.cloud.network.element.DnsServiceProvider;
import com.cloud.network.element.NetworkElement;
import com.cloud.network.element.UserDataServiceProvider;
import com.cloud.utils.component.ComponentLifecycle;
import com.cloud.utils.component.PluggableService;
import com.cloud.utils.component.SystemIntegrityChecker;
import com.cloud.utils.db.EntityManager;
import com.cloud.utils.db.GenericDao;
import com.cloud.vm.dao.NicDao;
import com.cloud.vm.dao.NicDetailsDao;
import com.cloud.vm.dao.NicExtraDhcpOptionDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

/**
 * Loads the plugin's Spring XML the way CloudStack's module loader does: as a child of a context holding the core
 * beans it references (Mockito mocks here), with annotation config inherited from CloudStack's bootstrap module. Then
 * checks CloudStack would find what it registers by type, and that every {@code @Inject}, of beans and of commands
 * (injected from the plugin context, as PluggableServiceLifecycle arranges), resolves.
 */
class SpringContextTest {
    private static final String MODULE = "META-INF/cloudstack/linuxrouter/";

    private GenericApplicationContext core;
    private GenericApplicationContext plugin;
    private final SdkSetterGuard guard = new SdkSetterGuard();

    @BeforeEach
    void load() {
        core = new GenericApplicationContext();
        core.getBeanFactory().registerSingleton("networkDetailsDaoImpl", mock(NetworkDetailsDao.class));
        core.getBeanFactory().registerSingleton("entityManagerImpl", mock(EntityManager.class));
        core.getBeanFactory().registerSingleton("nicDaoImpl", mock(NicDao.class));
        core.getBeanFactory().registerSingleton("alertManagerImpl", mock(AlertManager.class));
        core.getBeanFactory().registerSingleton("networkModelImpl", mock(NetworkModel.class));
        core.getBeanFactory().registerSingleton("VMInstanceDetailsDaoImpl", mock(VMInstanceDetailsDao.class));
        core.getBeanFactory().registerSingleton("nicExtraDhcpOptionDaoImpl", mock(NicExtraDhcpOptionDao.class));
        core.getBeanFactory().registerSingleton("nicDetailsDaoImpl", mock(NicDetailsDao.class));
        core.refresh();
        plugin = new GenericApplicationContext(core);
        new XmlBeanDefinitionReader(plugin).loadBeanDefinitions(new ClassPathResource(MODULE + "spring-linuxrouter-context.xml"));
        AnnotationConfigUtils.registerAnnotationConfigProcessors(plugin);
        plugin.getBeanFactory().addBeanPostProcessor(guard);
        plugin.refresh();
    }

    @AfterEach
    void close() {
        plugin.close();
        core.close();
    }

    @Test
    void theModuleIsAChildOfNetwork() throws IOException {
        Properties module = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(MODULE + "module.properties")) {
            module.load(in);
        }
        assertEquals("linuxrouter", module.getProperty("name"));
        assertEquals("network", module.getProperty("parent"));
    }

    @Test
    void theElementIsTheOnlyNetworkElementAndIsNamedLinuxRouter() {
        Map<String, NetworkElement> elements = plugin.getBeansOfType(NetworkElement.class);
        assertEquals(List.of("LinuxRouter"), new ArrayList<>(elements.keySet()));
        assertInstanceOf(LinuxRouterElement.class, elements.get("LinuxRouter"));
        // the orchestrator finds a service's provider by these interfaces on the element bean
        assertInstanceOf(DhcpServiceProvider.class, elements.get("LinuxRouter"));
        assertInstanceOf(DnsServiceProvider.class, elements.get("LinuxRouter"));
        assertInstanceOf(UserDataServiceProvider.class, elements.get("LinuxRouter"));
        assertEquals("LinuxRouter", guard.names.get("LinuxRouter"), "the bean sets name=LinuxRouter, as netris and nsx do");
    }

    @Test
    void thePluggableServiceOffersTheFiveCommands() {
        Map<String, PluggableService> services = plugin.getBeansOfType(PluggableService.class);
        assertEquals(1, services.size());
        List<String> names = services.values().iterator().next().getCommands().stream()
                .map(c -> c.getAnnotation(APICommand.class).name()).collect(Collectors.toList());
        assertEquals(List.of("addLinuxRouter", "listLinuxRouters", "updateLinuxRouter", "deleteLinuxRouter",
                "syncLinuxRouter"), names);
    }

    @Test
    void theDaoSchemaCheckerAndConfigurableAreRegistered() {
        assertInstanceOf(LinuxRouterDaoImpl.class, single(GenericDao.class));
        assertInstanceOf(SchemaBootstrap.class, single(SystemIntegrityChecker.class));
        assertEquals(2, single(Configurable.class).getConfigKeys().length,
                "linuxrouter.reconcile.interval and linuxrouter.pair.resync.interval");
    }

    @Test
    void everyInjectOfEveryBeanResolves() throws Exception {
        for (String name : plugin.getBeanDefinitionNames()) {
            Object bean = plugin.getBean(name);
            if (bean.getClass().getName().startsWith("org.linuxrouter.")) {
                assertInjected(bean);
            }
        }
    }

    @Test
    void everyInjectOfEveryCommandResolvesFromThePluginContext() throws Exception {
        for (Class<?> command : single(PluggableService.class).getCommands()) {
            BaseCmd cmd = (BaseCmd) command.getDeclaredConstructor().newInstance();
            plugin.getAutowireCapableBeanFactory().autowireBean(cmd);
            assertInjected(cmd);
        }
    }

    private <T> T single(Class<T> type) {
        Map<String, T> beans = plugin.getBeansOfType(type);
        assertEquals(1, beans.size(), type + ": " + beans.keySet());
        return beans.values().iterator().next();
    }

    private static void assertInjected(Object bean) throws IllegalAccessException {
        for (Class<?> c = bean.getClass(); c != null && c.getName().startsWith("org.linuxrouter."); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Inject.class)) {
                    f.setAccessible(true);
                    assertNotNull(f.get(bean), c.getSimpleName() + "." + f.getName() + " was not injected");
                }
            }
        }
    }

    /**
     * The SDK's {@code ComponentLifecycleBase.setName} has no body (CloudStack provides it), so the {@code name}
     * property of CloudStack components is recorded and taken out before Spring would call the setter.
     */
    private static final class SdkSetterGuard implements InstantiationAwareBeanPostProcessor {
        private final Map<String, Object> names = new HashMap<>();

        @Override
        public PropertyValues postProcessProperties(PropertyValues pvs, Object bean, String beanName) {
            if (!(bean instanceof ComponentLifecycle) || !pvs.contains("name")) {
                return pvs;
            }
            MutablePropertyValues kept = new MutablePropertyValues(pvs);
            Object value = kept.get("name");
            names.put(beanName, value instanceof TypedStringValue ? ((TypedStringValue) value).getValue() : value);
            kept.removePropertyValue("name");
            return kept;
        }
    }
}
