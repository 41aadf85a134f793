package org.linuxrouter.cloudstack.api;

import java.util.List;

import org.linuxrouter.cloudstack.api.command.AddLinuxRouterCmd;
import org.linuxrouter.cloudstack.api.command.DeleteLinuxRouterCmd;
import org.linuxrouter.cloudstack.api.command.ListLinuxRoutersCmd;
import org.linuxrouter.cloudstack.api.command.SyncLinuxRouterCmd;
import org.linuxrouter.cloudstack.api.command.UpdateLinuxRouterCmd;

import com.cloud.utils.component.PluggableService;

/** Hands CloudStack the plugin's API commands; their {@code @Inject} fields resolve in the plugin's context. */
public class LinuxRouterApiService implements PluggableService {
    @Override
    public List<Class<?>> getCommands() {
        return List.of(AddLinuxRouterCmd.class, ListLinuxRoutersCmd.class, UpdateLinuxRouterCmd.class,
                DeleteLinuxRouterCmd.class, SyncLinuxRouterCmd.class);
    }
}
