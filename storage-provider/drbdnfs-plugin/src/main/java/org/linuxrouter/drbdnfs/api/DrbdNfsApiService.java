package org.linuxrouter.drbdnfs.api;

import com.cloud.utils.component.PluggableService;
import java.util.List;
import org.linuxrouter.drbdnfs.api.command.ListDrbdNfsManagementPairCmd;
import org.linuxrouter.drbdnfs.api.command.ListDrbdNfsPairsCmd;

/** Hands CloudStack the provider's admin API commands; their {@code @Inject} fields resolve in the plugin's context. */
public class DrbdNfsApiService implements PluggableService {
    @Override
    public List<Class<?>> getCommands() {
        return List.of(ListDrbdNfsPairsCmd.class, ListDrbdNfsManagementPairCmd.class);
    }
}
