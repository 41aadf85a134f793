package org.linuxrouter.hactl.render;

import java.util.List;

/**
 * A systemd drop-in giving {@code cloudstack-management} {@code Restart=on-failure}. A management server that loses
 * its database for longer than the connection timeout fences itself with {@code System.exit(219)}, and the packaged
 * unit has no {@code Restart=}: without this it stays down after every database failover.
 */
public final class RestartDropInRenderer implements FileRenderer {

    public static final String PATH = "etc/systemd/system/cloudstack-management.service.d/hactl-restart.conf";

    @Override
    public List<RenderedFile> render(NodeContext ctx) {
        if (!ctx.inventory().isManagement()) {
            return List.of();
        }
        return List.of(RenderedFile.text(PATH, ctx.header("#")
                + "# exit 219 (database lost, the server fenced itself) is a failure: start again once the\n"
                + "# database answers on the floating IP\n"
                + "[Service]\n"
                + "Restart=on-failure\n"
                + "RestartSec=10s\n"));
    }
}
