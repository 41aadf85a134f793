package org.linuxrouter.cloudstack.reconcile;

import java.util.Date;

import javax.inject.Inject;

import org.apache.cloudstack.alert.AlertService;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.linuxrouter.cloudstack.client.MissedChanges;
import org.linuxrouter.cloudstack.client.RouterEndpoint;
import org.linuxrouter.cloudstack.client.RouterPair;
import org.linuxrouter.cloudstack.registry.RouterRegistry;

import com.cloud.alert.AlertManager;
import com.cloud.exception.ResourceUnavailableException;

/**
 * A pair member that missed a change: marked lagging in the registry (so the resync loop of
 * {@link ReconcileManager} brings it in step as soon as it answers, and listLinuxRouters shows it), and a CloudStack
 * alert ({@code ALERT_TYPE_DOMAIN_ROUTER}, the type CloudStack raises for its own routers) at the start of each
 * lagging spell. Further misses while it is lagging are logged only: a router that is down would otherwise raise
 * one alert per VM start.
 */
public class LaggingRouters implements MissedChanges {
    private static final Logger LOG = LogManager.getLogger(LaggingRouters.class);

    @Inject
    private RouterRegistry registry;
    @Inject
    private AlertManager alerts;

    public LaggingRouters() {
    }

    /** For tests and hand wiring. */
    public LaggingRouters(RouterRegistry registry, AlertManager alerts) {
        this.registry = registry;
        this.alerts = alerts;
    }

    @Override
    public void missed(RouterPair pair, RouterEndpoint missed, RouterEndpoint applied, String change,
            ResourceUnavailableException cause) {
        if (!registry.markLagging(missed.uuid(), new Date())) {
            LOG.debug("{} is still lagging; also missed: {}", missed, change);
            return;
        }
        String subject = "Linux router " + missed.name() + " missed a change; its pair member " + applied.name()
                + " carries the networks until it is resynced";
        String body = missed + " did not acknowledge: " + change + " (" + cause.getMessage() + "). " + applied
                + " applied it. The plugin resyncs " + missed.name() + " to CloudStack's view as soon as it answers;"
                + " listLinuxRouters shows it as lagging until then.";
        LOG.warn("{}: {}", subject, body);
        try {
            alerts.sendAlert(AlertService.AlertType.ALERT_TYPE_DOMAIN_ROUTER, pair.zoneId(), null, subject, body);
        } catch (RuntimeException e) {
            // the change itself succeeded; an alert that cannot be sent must not fail it
            LOG.error("could not raise the alert for {}: {}", missed, e.getMessage(), e);
        }
    }
}
