package org.linuxrouter.cloudstack.registry;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.utils.component.SystemIntegrityChecker;
import com.cloud.utils.db.TransactionLegacy;
import com.cloud.utils.exception.CloudRuntimeException;

/**
 * Creates (or upgrades, see {@link SchemaScript}) the plugin's tables when the plugin's Spring context starts: CloudStack runs every
 * {@link SystemIntegrityChecker} of a module context before it configures that context's components, so the
 * table exists before the DAO or any command touches it. Runs outside any transaction (MySQL commits DDL).
 */
public class SchemaBootstrap implements SystemIntegrityChecker {
    private static final Logger LOG = LogManager.getLogger(SchemaBootstrap.class);

    @Override
    public void check() {
        TransactionLegacy txn = TransactionLegacy.open(TransactionLegacy.CLOUD_DB);
        try {
            SchemaScript.apply(sql -> {
                PreparedStatement statement = txn.prepareAutoCloseStatement(sql);
                statement.executeUpdate();
            });
            LOG.info("linuxrouter schema version {} is in place", SchemaScript.VERSION);
        } catch (SQLException e) {
            throw new CloudRuntimeException("linuxrouter schema: expected to create or find the tables "
                    + LinuxRouterVO.TABLE + " and linuxrouter_schema, got sql state " + e.getSQLState(), e);
        } finally {
            txn.close();
        }
    }
}
