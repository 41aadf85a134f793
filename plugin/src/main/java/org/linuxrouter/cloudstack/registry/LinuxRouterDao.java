package org.linuxrouter.cloudstack.registry;

import com.cloud.utils.db.GenericDao;

/**
 * The {@value LinuxRouterVO#TABLE} table. It holds one row per physical router, a handful at most, so
 * {@link RouterRegistry} filters {@code listAll()} instead of this DAO building search criteria; the unique keys of
 * the schema are what guarantee uniqueness.
 */
public interface LinuxRouterDao extends GenericDao<LinuxRouterVO, Long> {
}
