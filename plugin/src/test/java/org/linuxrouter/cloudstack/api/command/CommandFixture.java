package org.linuxrouter.cloudstack.api.command;

import org.linuxrouter.cloudstack.api.response.RouterResponses;
import org.linuxrouter.cloudstack.reconcile.HeldNetworks;
import org.linuxrouter.cloudstack.reconcile.RouterSync;
import org.linuxrouter.cloudstack.testing.Fields;
import org.linuxrouter.cloudstack.testing.PluginFixture;

import com.cloud.vm.dao.NicDao;

/** Commands created as CloudStack creates them (no-arg), with their {@code @Inject} fields filled from the plugin. */
final class CommandFixture {
    final PluginFixture plugin = new PluginFixture();
    final NicDao nics = org.mockito.Mockito.mock(NicDao.class);
    final RouterResponses responses = new RouterResponses(plugin.registries.entities(), plugin.placements,
            plugin.registry, plugin.gateway);
    final RouterSync sync = new RouterSync(new HeldNetworks(plugin.placements, plugin.registries.entities(), nics),
            plugin.gateway, plugin.registry);

    AddLinuxRouterCmd add() {
        return inject(new AddLinuxRouterCmd());
    }

    UpdateLinuxRouterCmd update() {
        return inject(new UpdateLinuxRouterCmd());
    }

    DeleteLinuxRouterCmd delete() {
        return inject(new DeleteLinuxRouterCmd());
    }

    ListLinuxRoutersCmd list() {
        return inject(new ListLinuxRoutersCmd());
    }

    SyncLinuxRouterCmd sync() {
        SyncLinuxRouterCmd cmd = inject(new SyncLinuxRouterCmd());
        return Fields.set(cmd, "sync", sync);
    }

    private <T> T inject(T cmd) {
        Fields.set(cmd, "registry", plugin.registry);
        try {
            Fields.set(cmd, "responses", responses);
        } catch (IllegalArgumentException e) {
            // delete has no responses field: its answer is CloudStack's SuccessResponse
        }
        return cmd;
    }
}
