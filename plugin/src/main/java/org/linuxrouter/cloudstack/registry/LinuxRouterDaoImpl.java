package org.linuxrouter.cloudstack.registry;

import com.cloud.utils.db.GenericDaoBase;

/** CloudStack's generic DAO over {@link LinuxRouterVO}: SQL from the VO's annotations, {@code @Encrypt}, transactions. */
public class LinuxRouterDaoImpl extends GenericDaoBase<LinuxRouterVO, Long> implements LinuxRouterDao {
}
